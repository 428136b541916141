/**
 * Fresh, migrated databases for integration tests (no mocks).
 *
 * - pglite: a new in-memory PGlite per call. initdb + migrations cost ~6 s, so the first
 *   migrated database is dumped to node_modules/.cache/lentera/ (keyed by the PGlite version
 *   and the migration files) and later calls, in any worker, start from that dump (~1.2 s).
 * - postgres: a scratch database lentera_test_<random> on the TEST_DATABASE_URL server, migrated
 *   through openDb; close() disconnects and drops it.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDb, type DbHandle } from "../db.ts";
import { ConfigError, testDatabaseUrl } from "../env.ts";
import type { AdapterFactory } from "../../prisma/tool/schema-engine.ts";
import { migrationPaths } from "../../prisma/tool/paths.ts";
import { createScratchDatabase } from "./scratch-database.ts";

/** The app root (holds prisma/), independent of the working directory. */
export const APP_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type TestBackend = "pglite" | "postgres";

/** Backend chosen by the Vitest project (vitest.config.ts); pglite outside Vitest. */
export function testBackend(): TestBackend {
  // Test-only code; the one place that reads this variable.
  const value = process.env.LENTERA_TEST_BACKEND ?? "pglite";
  if (value !== "pglite" && value !== "postgres")
    throw new ConfigError(`LENTERA_TEST_BACKEND must be pglite or postgres (got ${value})`);
  return value;
}

export interface TestDbHandle extends DbHandle {
  /** A new driver-adapter factory on this same database, e.g. for the schema engine. */
  adapterFactory(): AdapterFactory;
  /** Connection string of the test database (postgres only). */
  url?: string;
}

export interface OpenTestDbOptions {
  /** pglite: start from the cached migrated dump when there is one (default true). */
  useCache?: boolean;
}

export async function openTestDb(options: OpenTestDbOptions = {}): Promise<TestDbHandle> {
  return testBackend() === "postgres" ? openPostgresTestDb() : openPGliteTestDb(options.useCache ?? true);
}

// --- PostgreSQL ---------------------------------------------------------------------

function requireServerUrl(): string {
  const url = testDatabaseUrl();
  if (!url) throw new ConfigError("LENTERA_TEST_BACKEND=postgres needs TEST_DATABASE_URL");
  return url;
}

async function openPostgresTestDb(): Promise<TestDbHandle> {
  const { url: dbUrl, drop } = await createScratchDatabase(requireServerUrl(), "lentera_test");
  let handle: DbHandle;
  try {
    handle = await openDb({ kind: "postgres", url: dbUrl }, { root: APP_ROOT });
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
  let closed: Promise<void> | undefined;
  return {
    ...handle,
    url: dbUrl,
    adapterFactory: () => new PrismaPg({ connectionString: dbUrl }),
    close: () => (closed ??= handle.close().finally(drop)),
  };
}

// --- PGlite -------------------------------------------------------------------------

async function templatePath(): Promise<string> {
  const { migrationsDir } = migrationPaths(APP_ROOT);
  // Its exports map hides package.json from require(); a dump is only valid for one PGlite build.
  const pgliteVersion = (
    JSON.parse(
      await fs.readFile(path.join(APP_ROOT, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
    ) as { version: string }
  ).version;
  const hash = createHash("sha256").update(`pglite ${pgliteVersion}\n`);
  const dirs = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const dir of dirs) {
    hash.update(`${dir}\n`);
    hash.update(await fs.readFile(path.join(migrationsDir, dir, "migration.sql")));
  }
  return path.join(
    APP_ROOT,
    "node_modules",
    ".cache",
    "lentera",
    `pglite-migrated-${hash.digest("hex").slice(0, 16)}.tar.gz`,
  );
}

async function readTemplate(file: string): Promise<Blob | undefined> {
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    return undefined;
  }
}

async function writeTemplate(file: string, pglite: PGlite): Promise<void> {
  const dump = await pglite.dumpDataDir("gzip");
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write-then-rename: parallel workers never read a half-written dump.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await fs.writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
  await fs.rename(tmp, file);
}

async function openPGliteTestDb(useCache: boolean): Promise<TestDbHandle> {
  const file = useCache ? await templatePath() : undefined;
  const template = file ? await readTemplate(file) : undefined;
  // Migrates on a cached dump too: a no-op there, and a guard should the dump be stale.
  const handle = await openDb({ kind: "memory", loadDataDir: template }, { root: APP_ROOT });
  const pglite = handle.pglite!;
  if (file && !template) await writeTemplate(file, pglite).catch(() => {}); // a cache only: failure costs speed, not correctness
  return { ...handle, adapterFactory: () => new PrismaPGlite(pglite) };
}
