/**
 * npm run db:seed — demo accounts and default settings (idempotent; see seed-data.ts).
 * Opens the app database like the server does: PostgreSQL when DATABASE_URL is set, else
 * embedded PGlite in ./data/pglite (refused while `next dev`/`next start` holds that
 * directory), with the same secret checks.
 */
import { ConfigError, env } from "../server/env.ts";
import { openDb, pendingMigrations } from "../server/db.ts";
import { assertDemoSeedAllowed, reportSeedFailure, seedDemo } from "./seed-data.ts";

async function main(): Promise<void> {
  const config = env();
  assertDemoSeedAllowed(config);
  const handle = await openDb(config.database, { migrate: config.autoMigrate, secrets: config });
  try {
    const pending = await pendingMigrations(handle.db);
    if (pending.length)
      throw new ConfigError(
        `The database has ${pending.length} pending migration(s); run \`npm run db:migrate\` first.`,
      );
    await seedDemo(handle.db, { log: (line) => console.log(line) });
  } finally {
    await handle.close();
  }
}

main().catch(reportSeedFailure);
