/**
 * The floor of every bench run: bench/floor/, a tiny Next.js app (a static page; a dynamic page
 * behind a proxy.ts that sets a CSP nonce, as Lentera's pages are) on the same Next.js, React
 * and Node, built into bench/floor/.next and served by `next start` the same way as Lentera.
 * Each scenario is then reported as a multiple of the dynamic floor page: what is left above 1×
 * is Lentera's own work, not the framework's or the machine's.
 */
import fs from "node:fs";
import path from "node:path";
import { runScenario, type Measurement, type RunSettings } from "./measure.ts";
import type { Scenario } from "./scenarios.ts";
import { build, buildNeeded, Server, treeRssMb } from "./server.ts";

export const FLOOR_DIR = path.join("bench", "floor");
/** Its sources, and Next.js itself: a new Next.js version makes the floor's build stale. */
const FLOOR_INPUTS = [
  "app",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "tsconfig.json",
  path.join("..", "..", "node_modules", "next", "package.json"),
];

export const FLOOR_DYNAMIC = "floor: dynamic page (CSP nonce)";

export const floorScenarios: Scenario[] = [
  { name: "floor: static page", path: "/", verifyBody: (html) => html.includes("Halaman statis.") },
  // The reference of every ratio: Lentera's pages are all rendered per request with a nonce.
  { name: FLOOR_DYNAMIC, path: "/dynamic", verifyBody: (html) => html.includes('data-nonce-length="24"') },
];

export interface FloorRun {
  measurements: Measurement[];
  /** The row every ratio divides by. */
  reference: Measurement;
  idleRssMb: number;
  built: boolean;
}

/** Builds the floor if its sources are newer than its build, serves it, runs both floor scenarios, stops it. */
export async function runFloor(input: {
  root: string;
  env: NodeJS.ProcessEnv;
  settings: RunSettings;
  verbose: boolean;
  log: (line: string) => void;
  register: (server: Server | undefined) => void;
}): Promise<FloorRun> {
  const { root, env, settings, log } = input;
  const dir = path.join(root, FLOOR_DIR);
  if (!fs.existsSync(path.join(dir, "app"))) throw new Error(`the floor app is missing (${FLOOR_DIR}/app)`);
  const { needed, reason } = buildNeeded(dir, FLOOR_INPUTS);
  log(`bench: floor: ${reason}${needed ? ", building" : ""}`);
  if (needed) await build(root, { ...env, NODE_ENV: "production" }, FLOOR_DIR);

  const server = await Server.launch({ root, dataDir: dir, env, verbose: input.verbose, appDir: FLOOR_DIR });
  input.register(server);
  try {
    await server.ready();
    const idleRssMb = Math.round((await treeRssMb(server.pid)) * 10) / 10;
    log(`bench: floor ready at ${server.baseUrl} (pid ${server.pid}, ${idleRssMb} MB)`);
    const context = {
      baseUrl: server.baseUrl,
      staffSession: () => Promise.reject(new Error("the floor has no staff")),
    };
    const measurements: Measurement[] = [];
    for (const scenario of floorScenarios) {
      log(`bench: ${scenario.name} (${scenario.path}): warm-up ${settings.warmupS} s, then measuring`);
      measurements.push(await runScenario(server, scenario, context, settings));
    }
    return { measurements, reference: measurements.find((m) => m.name === FLOOR_DYNAMIC)!, idleRssMb, built: needed };
  } finally {
    await server.stop();
    input.register(undefined);
  }
}
