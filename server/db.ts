/**
 * The only place a Prisma client is made.
 * - PostgreSQL (DATABASE_URL set) through @prisma/adapter-pg.
 * - Embedded PGlite on disk (DATABASE_URL unset), owned by this one process: opened only
 *   under the directory's exclusive lock (data-dir-lock.ts), held until close().
 * - In-memory PGlite for tests.
 * Pending migrations are applied before the client is handed out.
 */
import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { byteaSerializers, withFastByteaReads } from "./pglite-bytea.ts";
import { withPreparedStatements } from "./pglite-statements.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { ConfigError, env, saveGeneratedSecrets, type Env } from "./env.ts";
import { checkSecrets } from "./domain/secret-check.ts";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.ts";
import type { AdapterFactory } from "../prisma/tool/schema-engine.ts";
import { migrationPaths } from "../prisma/tool/paths.ts";
import { guardAdapterFactory } from "./db-outage/adapter-guard.ts";
import { notingPgClient } from "./db-outage/noting-pg-client.ts";
import { recordingTransactions } from "./driver-transaction.ts";
import { forgetQueryArgs } from "./forget-query-args.ts";
import { queryCompilerFromFile } from "./prisma-query-compiler.ts";

export type Db = PrismaClient;

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }
  /** In-memory PGlite (tests), optionally started from a dump of another instance. */
  | { kind: "memory"; loadDataDir?: Blob };

export interface DbHandle {
  db: Db;
  backend: "postgres" | "pglite";
  /** The embedded database itself (PGlite backends only), e.g. to dump it. */
  pglite?: PGlite;
  /** Names of the migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDbOptions {
  migrate?: boolean;
  /** App root holding prisma/ (defaults to the working directory). */
  root?: string;
  /**
   * The configuration whose secrets will read or write encrypted data through this handle:
   * checked against the database's check values (recorded on first use) before the handle
   * is returned, so nothing is served or written under a wrong or lost secret.
   */
  secrets?: Env;
}

/** Migration directory names that are not yet recorded as finished in _prisma_migrations. */
export async function pendingMigrations(db: Db, root?: string): Promise<string[]> {
  const { migrationsDir } = migrationPaths(root);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const onDisk = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const [table] = await db.$queryRaw<
    { exists: boolean }[]
  >`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return onDisk;
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(rows.map((r) => r.migration_name));
  return onDisk.filter((name) => !done.has(name));
}

/**
 * Applies pending migrations through Prisma's WASM schema engine. The engine (about a second
 * to load) is started only when something is pending, so an up-to-date start stays fast.
 */
export async function migrate(db: Db, adapterFactory: AdapterFactory, root?: string): Promise<string[]> {
  if ((await pendingMigrations(db, root)).length === 0) return [];
  // The migration tool (and its WASM engine) is loaded only when something is pending.
  const { applyMigrations, releaseSchemaEngine } = await import("../prisma/tool/schema-engine.ts");
  try {
    const { applied } = await applyMigrations({ ...migrationPaths(root), adapterFactory });
    return applied;
  } finally {
    await releaseSchemaEngine();
  }
}

/**
 * The embedded server's PostgreSQL settings. shared_buffers drops from 128 MB to 32 MB: the
 * buffer pool lives inside the WebAssembly heap, so this is ~100 MB less resident memory
 * (the memory budget: RSS ≤ 400 MB), while the operating system still caches the data files.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/**
 * "minimal" errors: the default ("colorless") records the caller's stack with `new Error()` on
 * every query, to print a code frame should it fail, which costs on every query and is not
 * read in production logs anyway. The query compiler is read from its file, not imported
 * (prisma-query-compiler.ts).
 */
const CLIENT_OPTIONS = { errorFormat: "minimal", ...queryCompilerFromFile } as const;

/** Migrates (unless told not to) and checks the secrets; the steps every open runs. */
async function prepare(db: Db, adapterFactory: () => AdapterFactory, options: OpenDbOptions): Promise<string[]> {
  const applied = (options.migrate ?? true) ? await migrate(db, adapterFactory(), options.root) : [];
  const config = options.secrets;
  if (config) {
    const pending = await pendingMigrations(db, options.root);
    if (pending.length)
      throw new ConfigError(
        `The database has ${pending.length} pending migration(s); run \`npm run db:migrate\` first`,
      );
    await checkSecrets(db, config, () => saveGeneratedSecrets(config));
  }
  return applied;
}

/**
 * The app's PostgreSQL adapter: an unavailable database surfaces as one typed error
 * (server/db-outage/), named by the driver's own reason.
 */
function postgresAdapter(url: string) {
  const raw = notingPgClient();
  return recordingTransactions(
    guardAdapterFactory(forgetQueryArgs(new PrismaPg({ connectionString: url, Client: raw.Client })), raw.last),
  );
}

export async function openDb(target: DatabaseTarget, options: OpenDbOptions = {}): Promise<DbHandle> {
  if (target.kind === "postgres") {
    const adapter = postgresAdapter(target.url);
    const db = new PrismaClient({ ...CLIENT_OPTIONS, adapter });
    try {
      const applied = await prepare(db, () => new PrismaPg({ connectionString: target.url }), options);
      return { db, backend: "postgres", applied, close: () => db.$disconnect() };
    } catch (e) {
      await db.$disconnect();
      throw e;
    }
  }
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (target.kind === "pglite") {
    lock = lockDataDir(target.dataDir);
    try {
      await fs.mkdir(target.dataDir, { recursive: true });
      pglite = new PGlite(target.dataDir, { startParams: EMBEDDED_START_PARAMS, serializers: byteaSerializers });
      await pglite.waitReady;
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    pglite = new PGlite({
      serializers: byteaSerializers,
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    await pglite.waitReady;
  }
  const db = new PrismaClient({
    ...CLIENT_OPTIONS,
    adapter: recordingTransactions(
      guardAdapterFactory(forgetQueryArgs(new PrismaPGlite(withFastByteaReads(withPreparedStatements(pglite))))),
    ),
  });
  const close = async () => {
    try {
      await db.$disconnect();
      await pglite.close();
    } finally {
      lock?.release();
    }
  };
  try {
    const applied = await prepare(db, () => new PrismaPGlite(withFastByteaReads(pglite)), options);
    return { db, backend: "pglite", pglite, applied, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export function refuseToStart(e: ConfigError): never {
  console.error(`Lentera cannot start: ${e.message}`);
  process.exit(1);
}

// One client per server process; kept on globalThis so dev-mode reloads reuse it
// (a second PGlite on the same directory would corrupt it).
const globalForDb = globalThis as unknown as { lenteraDb?: Promise<DbHandle> };

/**
 * The app's database, opened (and migrated, unless LENTERA_AUTO_MIGRATE=false) and its secrets
 * checked on first use: no request gets a client before the check has passed.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.lenteraDb) {
    const config = env();
    globalForDb.lenteraDb = openDb(config.database, { migrate: config.autoMigrate, secrets: config });
    globalForDb.lenteraDb.catch((e: unknown) => {
      globalForDb.lenteraDb = undefined; // let the next request retry (e.g. PostgreSQL was down)
      // A refusal (directory held by another process, wrong or missing secrets) is final:
      // serving on would split or destroy the data, so the process stops, with one line.
      if (e instanceof ConfigError) refuseToStart(e);
    });
  }
  return globalForDb.lenteraDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
