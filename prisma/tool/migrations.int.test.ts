/**
 * Migrations on the project's backend (pglite, or postgres when TEST_DATABASE_URL is set):
 * applying them, Prisma's bookkeeping, and the schema ⇄ migrations agreement.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROOT, openTestDb, testBackend, type TestDbHandle } from "../../server/testing/test-db.ts";
import { testDatabaseUrl } from "../../server/env.ts";
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  pgliteMemoryAdapterFactory,
  type AdapterFactory,
} from "./schema-engine.ts";
import { migrationPaths } from "./paths.ts";

const paths = migrationPaths(APP_ROOT);

/** Factory whose shadow databases the engine uses for diffs: in-memory PGlite, or the test server. */
function shadowFactory(): AdapterFactory {
  return testBackend() === "postgres"
    ? new PrismaPg({ connectionString: testDatabaseUrl()! })
    : pgliteMemoryAdapterFactory();
}

async function migrationDirs(migrationsDir: string): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

describe("applying migrations to a fresh database", () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await openTestDb({ useCache: false }); // really migrate, not start from a dump
  });
  afterAll(() => handle?.close());

  it("applies every migration directory, then nothing", async () => {
    const dirs = await migrationDirs(paths.migrationsDir);
    expect(dirs.length).toBeGreaterThan(0);
    expect(handle.applied).toEqual(dirs);
    // Straight to the engine (openDb's migrate() would skip it when nothing is pending).
    const again = await applyMigrations({ ...paths, adapterFactory: handle.adapterFactory() });
    expect(again.applied).toEqual([]);
  });

  it("records each migration as Prisma does", async () => {
    const rows = await handle.db.$queryRaw<
      {
        migration_name: string;
        checksum: string;
        applied_steps_count: number;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }[]
    >`
      SELECT migration_name, checksum, applied_steps_count, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    const dirs = await migrationDirs(paths.migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = await fs.readFile(path.join(paths.migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });
});

describe("schema.prisma and prisma/migrations agree", () => {
  it("the migrations produce exactly the schema (run `npm run db:migration:new -- <name>` if not)", async () => {
    expect(await diffMigrationsToSchema({ ...paths, adapterFactory: shadowFactory() })).toBe("");
  });

  describe("drift in a copy", () => {
    let root: string;
    beforeAll(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-drift-"));
      await fs.cp(path.join(APP_ROOT, "prisma", "migrations"), path.join(root, "prisma", "migrations"), {
        recursive: true,
      });
      const schema = await fs.readFile(paths.schemaPath, "utf8");
      const changed = schema.replace(/^model Setting \{\n/m, (m) => `${m}  driftProbe String? @map("drift_probe")\n`);
      expect(changed).not.toBe(schema);
      await fs.writeFile(path.join(root, "prisma", "schema.prisma"), changed);
    });
    afterAll(() => fs.rm(root, { recursive: true, force: true }));

    it("is detected, and a new migration resolves it", async () => {
      const copy = migrationPaths(root);
      const diff = await diffMigrationsToSchema({ ...copy, adapterFactory: shadowFactory() });
      expect(diff).toMatch(/ALTER TABLE "settings" ADD COLUMN\s+"drift_probe" TEXT/);

      const created = await createMigration({ ...copy, name: "addDriftProbe", adapterFactory: shadowFactory() });
      expect(created.name).toMatch(/^\d{14}_add_drift_probe$/);
      const written = await fs.readFile(path.join(copy.migrationsDir, created.name!, "migration.sql"), "utf8");
      expect(written).toContain('"drift_probe"');
      expect(await migrationDirs(copy.migrationsDir)).toHaveLength(
        (await migrationDirs(paths.migrationsDir)).length + 1,
      );

      expect(await diffMigrationsToSchema({ ...copy, adapterFactory: shadowFactory() })).toBe("");
    });
  });
});
