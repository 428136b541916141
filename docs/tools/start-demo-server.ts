/**
 * The screenshot server with the sample office year: like e2e/support/start-server.ts (demo
 * staff with the e2e password, a production `next start`), on a data directory that also holds
 * the sample year. The directory is kept, and seeding is idempotent, so a second run reuses it:
 *   npx tsx docs/tools/start-demo-server.ts <port|prepare> <data directory>
 */
import fs from "node:fs";
import { seedOfficeYear } from "../../prisma/demo-office-year.ts";
import { demoServerEnv, seedDemoServer, startNextServer } from "../../e2e/support/demo-server.ts";

const [port = "3100", dataDir = "/tmp/lentera-demo-screenshots"] = process.argv.slice(2);
fs.mkdirSync(dataDir, { recursive: true });
const env = demoServerEnv(port, dataDir);
// A throwaway directory for pictures: the server runs as in production, the data is a sample.
await seedDemoServer(env, (db, config) =>
  seedOfficeYear(db, { ...config.secrets, isProduction: false, log: (line) => console.log(line) }),
);
if (port !== "prepare") startNextServer(port, env);
