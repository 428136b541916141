/**
 * npm run db:migrate                    apply pending migrations (PostgreSQL when DATABASE_URL is set, else embedded PGlite)
 * npm run db:migration:new -- <name>    write prisma/migrations/<timestamp>_<name>/migration.sql from the schema change
 * npm run db:migrate:check              exit 1 and print the SQL when schema.prisma and the migrations disagree
 *
 * `new` and `check` only need shadow databases; with PGlite they run in memory and never
 * open the data directory. `apply` takes the directory's exclusive lock, so it refuses while
 * a running server holds it.
 */
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConfigError, env } from "../../server/env.ts";
import { lockDataDir } from "../../server/data-dir-lock.ts";
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  pgliteMemoryAdapterFactory,
  type AdapterFactory,
} from "./schema-engine.ts";
import { migrationPaths } from "./paths.ts";

const USAGE = "usage: migrate.ts apply | new <name> | check";

async function withBackend<T>(
  needsMainDb: boolean,
  fn: (factory: AdapterFactory, label: string) => Promise<T>,
): Promise<T> {
  const { database } = env();
  if (database.kind === "postgres") {
    const url = new URL(database.url);
    return fn(new PrismaPg({ connectionString: database.url }), `PostgreSQL ${url.host}${url.pathname}`);
  }
  if (!needsMainDb) return fn(pgliteMemoryAdapterFactory(), "PGlite (in memory)");
  const lock = lockDataDir(database.dataDir);
  try {
    const db = new PGlite(database.dataDir);
    try {
      await db.waitReady;
      return await fn(
        new PrismaPGlite(db),
        `PGlite ${path.relative(process.cwd(), database.dataDir) || database.dataDir}`,
      );
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

async function main([command, name]: string[]): Promise<number> {
  const paths = migrationPaths();
  switch (command) {
    case "apply": {
      const { applied } = await withBackend(true, (adapterFactory, label) => {
        console.log(`Applying migrations to ${label}`);
        return applyMigrations({ ...paths, adapterFactory });
      });
      console.log(applied.length ? applied.map((n) => `  applied ${n}`).join("\n") : "  no pending migrations");
      return 0;
    }
    case "new": {
      if (!name) break;
      const result = await withBackend(false, (adapterFactory) => createMigration({ ...paths, name, adapterFactory }));
      console.log(
        result.directory
          ? `Created ${path.relative(process.cwd(), result.directory)}/migration.sql`
          : "No schema changes; no migration written.",
      );
      return 0;
    }
    case "check": {
      const sql = await withBackend(false, (adapterFactory) => diffMigrationsToSchema({ ...paths, adapterFactory }));
      if (!sql) {
        console.log("Migrations match prisma/schema.prisma.");
        return 0;
      }
      console.log(
        `prisma/schema.prisma and prisma/migrations differ; run \`npm run db:migration:new -- <name>\`. Missing SQL:\n\n${sql}`,
      );
      return 1;
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
