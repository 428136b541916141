import { ConfigError, env } from "./env.ts";
import { getDbHandle } from "./db.ts";

/** Bad configuration stops the start with one clear line; a database outage does not (requests retry). */
export async function startServer() {
  let config;
  try {
    config = env();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Lentera cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const where = config.database.kind === "pglite" ? `embedded PGlite in ${config.database.dataDir}` : "PostgreSQL";
  try {
    const { applied } = await getDbHandle();
    console.log(`Lentera: database ready (${where})${applied.length ? `, applied ${applied.join(", ")}` : ""}; secrets from ${config.secretsSource}.`);
  } catch (e) {
    console.error(`Lentera: database not available yet (${where}): ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
}
