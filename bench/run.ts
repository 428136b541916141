/**
 * `npm run bench [-- --duration 3 --connections 10 --only home --no-build --verbose --cpu-profile DIR --postgres URL]`
 *
 * Builds if needed, starts `next start` on a fresh database on a free 127.0.0.1 port (embedded
 * PGlite, or with --postgres a scratch database on that PostgreSQL server, dropped afterwards),
 * runs every scenario in bench/scenarios.ts, prints a table and writes bench/results.json.
 * Exit 0 whatever the budgets say (FAIL is printed); exit 1 when the harness itself fails.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runScenario, type Measurement } from "./measure.ts";
import { formatTable, makeReport, writeJson } from "./report.ts";
import { scenarios, WARMUP_S, type Budget } from "./scenarios.ts";
import { measureFirstLoadJs, PUBLIC_PAGES } from "./first-load-js.ts";
import { prepareDatabase, SYNTHETIC_CASES } from "./database.ts";
import { staffSession } from "./staff-session.ts";
import { createScratchDatabase, type ScratchDatabase } from "../server/testing/scratch-database.ts";
import { build, buildNeeded, HarnessError, makeDataDir, removeDataDir, Server, serverEnv, treeRssMb } from "./server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = `usage: npm run bench -- [--duration S] [--connections N] [--only TEXT] [--no-build] [--verbose] [--cpu-profile DIR] [--postgres URL]`;

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new HarnessError(`--${flag} must be a positive number (got "${value}")\n${USAGE}`);
  return n;
}

let server: Server | undefined;
let dataDir: string | undefined;
let database: ScratchDatabase | undefined;

/** Synchronous cleanup for signals and unexpected exits; the normal path stops gracefully. */
function cleanupNow(): void {
  server?.killNow();
  server = undefined;
  if (dataDir) removeDataDir(dataDir);
  dataDir = undefined;
}
process.on("exit", cleanupNow);

async function dropDatabase(): Promise<void> {
  const db = database;
  database = undefined;
  await db?.drop().catch((e: Error) => console.error(`bench: could not drop ${db.name}: ${e.message}`));
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping the server and removing its data\n`);
    cleanupNow();
    void dropDatabase().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const options = {
    duration: { type: "string" },
    connections: { type: "string" },
    only: { type: "string" },
    "no-build": { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    "cpu-profile": { type: "string" },
    postgres: { type: "string" },
    help: { type: "boolean", default: false },
  } as const;
  let args: ReturnType<typeof parseArgs<{ options: typeof options }>>["values"];
  try {
    args = parseArgs({ options }).values;
  } catch (e) {
    throw new HarnessError(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) return void console.log(USAGE);
  const settings = { durationS: positive("duration", args.duration), connections: positive("connections", args.connections), warmupS: WARMUP_S };
  if (settings.connections !== undefined) settings.connections = Math.round(settings.connections);
  const only = args.only?.toLowerCase();
  const selected = only ? scenarios.filter((s) => s.name.toLowerCase().includes(only) || s.path.includes(only)) : scenarios;
  if (selected.length === 0) throw new HarnessError(`no scenario matches --only "${args.only}"`);

  dataDir = makeDataDir();
  if (args.postgres) {
    database = await createScratchDatabase(args.postgres, "lentera_bench");
    console.error(`bench: PostgreSQL database ${database.name} (dropped at the end)`);
  }
  const env = serverEnv(dataDir, database?.url);
  const syntheticCases = selected.some((s) => s.syntheticCases) ? SYNTHETIC_CASES : 0;
  const staffSecrets = await prepareDatabase(env, { syntheticCases, log: (line) => console.error(line) });
  let built = false;
  if (args["no-build"]) console.error("bench: --no-build, using .next as it is");
  else {
    const { needed, reason } = buildNeeded(root);
    console.error(`bench: ${reason}${needed ? ", building" : ""}`);
    if (needed) {
      await build(root, env);
      built = true;
    }
  }

  console.error(`bench: starting next start on a fresh database in ${dataDir}`);
  server = await Server.launch({ root, dataDir, env, verbose: args.verbose, cpuProfileDir: args["cpu-profile"] && path.resolve(args["cpu-profile"]) });
  await server.ready();
  const idleRssMb = Math.round((await treeRssMb(server.pid)) * 10) / 10;
  console.error(`bench: server ready at ${server.baseUrl} (pid ${server.pid}, ${idleRssMb} MB)`);

  const context = { baseUrl: server.baseUrl, staffSession: (username: string) => staffSession(server!.baseUrl, staffSecrets, username) };
  const results: { measurement: Measurement; budget: Budget | undefined }[] = [];
  for (const scenario of selected) {
    console.error(`bench: ${scenario.name} (${scenario.path}): warm-up ${settings.warmupS} s, then measuring`);
    results.push({ measurement: await runScenario(server, scenario, context, settings), budget: scenario.budget });
  }
  // Page weight does not depend on load: measured once, after the scenarios (the pages are built and warm).
  const firstLoadJs = await Promise.all(PUBLIC_PAGES.map((page) => measureFirstLoadJs(server!.baseUrl, page)));
  const baseUrl = server.baseUrl;
  await server.stop();
  server = undefined;

  const report = makeReport({ root, results, idleRssMb, warmupS: settings.warmupS, built, baseUrl, syntheticCases, firstLoadJs, backend: database ? "postgres" : "pglite" });
  const file = path.join(root, "bench", "results.json");
  writeJson(file, report);
  console.log("\n" + formatTable(report) + `\n\nwritten ${path.relative(process.cwd(), file) || file}`);
}

try {
  await main();
} catch (e) {
  const lines = e instanceof HarnessError && e.serverOutput.length ? e.serverOutput : (server?.output() ?? []);
  console.error(`\nbench: ${e instanceof HarnessError ? e.message : (e as Error).stack ?? String(e)}`);
  if (lines.length) console.error(`--- last ${lines.length} lines of server output ---\n${lines.join("\n")}\n---`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  server = undefined;
  cleanupNow();
  await dropDatabase();
}
process.exit(); // with process.exitCode; don't wait for idle keep-alive sockets
