/**
 * The screenshot server with the sample office year: like e2e/support/start-server.ts (demo
 * staff with the e2e password, a production `next start`), on a data directory that also holds
 * the sample year. The directory is kept, and seeding is idempotent, so a second run reuses it:
 *   npx tsx docs/tools/start-demo-server.ts <port|prepare> <data directory>
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { loadEnv } from "../../server/env.ts";
import { openDb } from "../../server/db.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { seedOfficeYear } from "../../prisma/demo-office-year.ts";
import { E2E_STAFF_PASSWORD } from "../../e2e/support/constants.ts";

const [port = "3100", dataDir = "/tmp/lentera-demo-screenshots"] = process.argv.slice(2);
fs.mkdirSync(dataDir, { recursive: true });
const childEnv: NodeJS.ProcessEnv = {
  LENTERA_TRUSTED_PROXIES: "127.0.0.1",
  ...process.env,
  LENTERA_DATA_DIR: dataDir,
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete childEnv.DATABASE_URL;

const config = loadEnv(childEnv as Record<string, string>);
const handle = await openDb(config.database, { secrets: config });
await seedDemo(handle.db, { log: () => {}, password: () => E2E_STAFF_PASSWORD });
// A throwaway directory for pictures: the server runs as in production, the data is a sample.
await seedOfficeYear(handle.db, { ...config.secrets, isProduction: false, log: (line) => console.log(line) });
await handle.close();

if (port !== "prepare") {
  const server = spawn(
    process.execPath,
    [
      "--import",
      "./server/net/peer-stamp.mjs",
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      port,
      "-H",
      "127.0.0.1",
    ],
    { env: childEnv, stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}
