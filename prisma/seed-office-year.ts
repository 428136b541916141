/**
 * npm run db:seed:demo — the sample office year (demo-office-year.ts) for a demonstration:
 * about 150 cases over the last twelve months, marked as sample data. Run after db:seed (it
 * needs the demo accounts). Refused in production and on a database that holds real reports;
 * a second run adds nothing. `npm run demo` runs it unless LENTERA_DEMO_DATA=0.
 */
import { ConfigError, env } from "../server/env.ts";
import { openDb, pendingMigrations } from "../server/db.ts";
import { reportSeedFailure, SeedRefusedError } from "./seed-data.ts";
import { seedOfficeYear } from "./demo-office-year.ts";

async function main(): Promise<void> {
  const config = env();
  if (config.isProduction)
    throw new SeedRefusedError("Sample data is for demonstrations only; refused with NODE_ENV=production.");
  const handle = await openDb(config.database, { migrate: config.autoMigrate, secrets: config });
  try {
    const pending = await pendingMigrations(handle.db);
    if (pending.length)
      throw new ConfigError(
        `The database has ${pending.length} pending migration(s); run \`npm run db:migrate\` first.`,
      );
    const started = Date.now();
    const result = await seedOfficeYear(handle.db, {
      ...config.secrets,
      isProduction: config.isProduction,
      log: (line) => console.log(line),
    });
    if (!result.alreadyPresent)
      console.log(
        `Sample office year added in ${((Date.now() - started) / 1000).toFixed(1)} s (shown with the "Data contoh" banner).`,
      );
  } finally {
    await handle.close();
  }
}

main().catch(reportSeedFailure);
