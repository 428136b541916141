/**
 * Playwright's web server: a production `next start` on a fresh embedded database in a
 * temporary directory, with the demo staff seeded using a known password.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoServerEnv, seedDemoServer, startNextServer } from "./demo-server.ts";

const port = process.argv[2] ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-e2e-"));
const env = demoServerEnv(port, dataDir);
await seedDemoServer(env);
startNextServer(port, env, () => fs.rmSync(dataDir, { recursive: true, force: true }));
