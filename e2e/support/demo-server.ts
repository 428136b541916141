/**
 * A production `next start` on an embedded database, with the demo staff seeded using the e2e
 * password: Playwright's web server (start-server.ts) and the screenshot server
 * (docs/tools/start-demo-server.ts) are both this, on their own data directory.
 */
import { spawn } from "node:child_process";
import { type Env, loadEnv } from "../../server/env.ts";
import { type Db, openDb } from "../../server/db.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { nextStartArgs, PRODUCTION_ENV } from "../../server/production-start.ts";
import { E2E_STAFF_PASSWORD } from "./constants.ts";

/** The server's environment: production, on `dataDir`, never on a DATABASE_URL. */
export function demoServerEnv(port: string, dataDir: string): NodeJS.ProcessEnv {
  // Playwright stands in for a reverse proxy on 127.0.0.1: specs give each simulated client its
  // own address with X-Forwarded-For. Connections from any other address are clients themselves.
  const env: NodeJS.ProcessEnv = {
    LENTERA_TRUSTED_PROXIES: "127.0.0.1",
    ...process.env,
    ...PRODUCTION_ENV,
    LENTERA_DATA_DIR: dataDir,
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
  delete env.DATABASE_URL;
  return env;
}

/** Seeds the demo staff (and what `more` adds) on the server's database; writes secrets.json for the server. */
export async function seedDemoServer(
  env: NodeJS.ProcessEnv,
  more: (db: Db, config: Env) => Promise<unknown> = async () => {},
): Promise<void> {
  const config = loadEnv(env);
  const handle = await openDb(config.database, { secrets: config });
  await seedDemo(handle.db, { log: () => {}, password: () => E2E_STAFF_PASSWORD });
  await more(handle.db, config);
  await handle.close();
}

/** Starts `next start` on 127.0.0.1:`port`, passes on SIGINT and SIGTERM, and exits with it (after `cleanup`). */
export function startNextServer(port: string, env: NodeJS.ProcessEnv, cleanup: () => void = () => {}): void {
  const server = spawn(process.execPath, nextStartArgs(port, "127.0.0.1"), { env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => {
    cleanup();
    process.exit(code ?? 0);
  });
}
