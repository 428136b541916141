/**
 * npm run db:seed:synthetic -- [count]   (default 100000)
 * Adds synthetic cases for load tests to the configured database (see seed-synthetic-data.ts).
 * Refused in production; like db:seed, refused while a server holds the embedded database.
 */
import { ConfigError, env } from "../server/env.ts";
import { openDb } from "../server/db.ts";
import { seedSyntheticCases } from "./seed-synthetic-data.ts";

async function main(): Promise<void> {
  const config = env();
  if (config.isProduction)
    throw new ConfigError("Synthetic cases are for load tests only; refused with NODE_ENV=production.");
  const raw = process.argv[2] ?? "100000";
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000)
    throw new ConfigError(`count must be a whole number from 1 to 2000000 (got "${raw}")`);
  const handle = await openDb(config.database, { migrate: config.autoMigrate, secrets: config });
  try {
    const started = Date.now();
    const total = await seedSyntheticCases(handle.db, config.secrets.masterKey, count);
    console.log(`Added ${count} synthetic cases (${total} in all) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
