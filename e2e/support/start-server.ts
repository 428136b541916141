/**
 * Playwright's web server: a production `next start` on a fresh embedded database in a
 * temporary directory, with the demo staff seeded using a known password.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadEnv } from "../../server/env.ts";
import { openDb } from "../../server/db.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { MALLOC_ENV } from "../../server/malloc-env.ts";
import { E2E_STAFF_PASSWORD } from "./constants.ts";

const port = process.argv[2] ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-e2e-"));
// Playwright stands in for a reverse proxy on 127.0.0.1: specs give each simulated client its
// own address with X-Forwarded-For. Connections from any other address are clients themselves.
const childEnv: NodeJS.ProcessEnv = {
  LENTERA_TRUSTED_PROXIES: "127.0.0.1",
  ...process.env,
  ...MALLOC_ENV,
  LENTERA_DATA_DIR: dataDir,
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete childEnv.DATABASE_URL;

const config = loadEnv(childEnv as Record<string, string>);
const handle = await openDb(config.database, { secrets: config }); // writes secrets.json for the server
await seedDemo(handle.db, { log: () => {}, password: () => E2E_STAFF_PASSWORD });
await handle.close();

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
const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
