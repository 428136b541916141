/**
 * `npm run bench [-- --duration 3 --connections 10 --only home,letter --no-build --no-lighthouse --verbose --cpu-profile DIR --postgres URL [--instances 2]]`
 *
 * Builds if needed, then in the same run:
 * - the floor: bench/floor/, a tiny Next.js app on the same Next.js (bench/floor.ts), built and
 *   served alone, measured first; every row is also reported as a ratio to it;
 * - one server (default): `next start` on a fresh database on a free 127.0.0.1 port (embedded
 *   PGlite, or with --postgres a scratch database on that PostgreSQL server, dropped
 *   afterwards), every scenario in bench/scenarios.ts (or those --only names), then first-load JS and
 *   (unless --no-lighthouse) Lighthouse on the public pages (bench/lighthouse.ts); prints a table,
 *   writes bench/results.json and the single-server section of docs/performance.md. Exit 0
 *   whatever the budgets say (FAIL is printed);
 * - or, with --instances N (N > 1, needs --postgres): the scale-out check (bench/scale-out.ts),
 *   N servers behind bench/reverse-proxy.ts, the counted operations, then the staff pages on
 *   SYNTHETIC_CASES added cases; writes bench/results-scale-out.json and its
 *   section of docs/performance.md, and exits 1 when any operation failed;
 * - or, with --scale N,N,…: the growth check, the scenarios marked `scales` on a fresh database
 *   of each size, each with its own server; writes bench/results-scale.json (with --postgres
 *   bench/results-scale-postgres.json) and its section of docs/performance.md.
 * Exit 1 when the harness itself fails.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchArgs, selects, UsageError, USAGE } from "./args.ts";
import { runScenario, type Measurement } from "./measure.ts";
import { formatMarkdown, formatTable, makeReport, writeJson } from "./report.ts";
import { scenarios, WARMUP_S, type Budget } from "./scenarios.ts";
import { measureFirstLoadJs, PUBLIC_PAGES } from "./first-load-js.ts";
import { LIGHTHOUSE_PAGES, runLighthouse, type LighthouseResult } from "./lighthouse.ts";
import { addSyntheticCases, prepareDatabase, SYNTHETIC_CASES, type StaffSecrets } from "./database.ts";
import { staffSession } from "./staff-session.ts";
import { runFloor, type FloorRun } from "./floor.ts";
import { writeSection } from "./performance-doc.ts";
import { runScaleOut, scaleOutPages, scaleOutScenarios, startCluster } from "./scale-out.ts";
import { formatScaleOutMarkdown, formatScaleOutTable } from "./scale-out-report.ts";
import { formatScaleMarkdown, formatScaleTable, type ScaleRow } from "./scale-report.ts";
import type { ReverseProxy } from "./reverse-proxy.ts";
import { createScratchDatabase, type ScratchDatabase } from "../server/testing/scratch-database.ts";
import {
  build,
  buildNeeded,
  HarnessError,
  makeDataDir,
  profilingNote,
  removeDataDir,
  Server,
  serverEnv,
  treeRssMb,
} from "./server.ts";
import { execFileSync } from "node:child_process";
import os from "node:os";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const performanceDoc = path.join(root, "docs", "performance.md");
const log = (line: string) => console.error(line);
const startedAt = Date.now();

/** Every server this run has started and not yet stopped (floor, app, scale-out instances). */
let servers: Server[] = [];
let proxy: ReverseProxy | undefined;
let dataDir: string | undefined;
let database: ScratchDatabase | undefined;

/** Synchronous cleanup for signals and unexpected exits; the normal path stops gracefully. */
function cleanupNow(): void {
  for (const s of servers) s.killNow();
  servers = [];
  if (dataDir) removeDataDir(dataDir);
  dataDir = undefined;
}
process.on("exit", cleanupNow);

async function stopAll(): Promise<void> {
  await proxy?.close().catch(() => {});
  proxy = undefined;
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
}

async function dropDatabase(): Promise<void> {
  const db = database;
  database = undefined;
  await db?.drop().catch((e: Error) => console.error(`bench: could not drop ${db.name}: ${e.message}`));
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping the servers and removing their data\n`);
    cleanupNow();
    void dropDatabase().finally(() => process.exit(130));
  });
}

function commandLine(): string {
  const args = process.argv.slice(2).map((a) => (a.startsWith("postgres") ? "URL" : a)); // no credentials in docs
  return ["npm run bench", ...(args.length ? ["--", ...args] : [])].join(" ");
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

function gitCommit(): string | null {
  try {
    return (
      execFileSync("git", ["rev-parse", "--short", "HEAD"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim() || null
    );
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    throw new HarnessError((e as UsageError).message);
  }
  if (args.help) return void console.log(USAGE);
  if (args.cpuProfileDir) log(profilingNote(path.resolve(args.cpuProfileDir)));
  const settings = { durationS: args.durationS, connections: args.connections, warmupS: WARMUP_S };
  const scaleOut = args.instances > 1;
  const growthCheck = args.scale !== undefined;
  const selected = scenarios.filter((s) => (!growthCheck || s.scales) && selects(args.only, s));
  const selectedScaleOut = [...scaleOutScenarios, ...scaleOutPages].filter((s) => selects(args.only, s));
  if ((scaleOut ? selectedScaleOut : selected).length === 0)
    throw new HarnessError(`no scenario matches --only "${args.only.join(",")}"`);

  dataDir = makeDataDir();
  if (args.postgres) {
    database = await createScratchDatabase(args.postgres, "lentera_bench");
    log(`bench: PostgreSQL database ${database.name} (dropped at the end)`);
  }
  const env = serverEnv(dataDir, database?.url);
  const syntheticCases = !scaleOut && !growthCheck && selected.some((s) => s.syntheticCases) ? SYNTHETIC_CASES : 0;
  const staffSecrets = await prepareDatabase(env, { syntheticCases, log });
  let built = false;
  if (args.noBuild) log("bench: --no-build, using .next as it is");
  else {
    const { needed, reason } = buildNeeded(root);
    log(`bench: ${reason}${needed ? ", building" : ""}`);
    if (needed) {
      await build(root, env);
      built = true;
    }
  }

  const floor = await runFloor({
    root,
    env,
    settings,
    verbose: args.verbose,
    log,
    register: (s) => (servers = s ? [s] : []),
  });
  if (args.scale) await scaleRun(args.scale, selected, floor, args.postgres, { verbose: args.verbose, settings });
  else if (scaleOut)
    await scaleOutRun(args.instances, env, staffSecrets, floor, {
      only: args.only,
      verbose: args.verbose,
      settings,
      cpuProfileDir: args.cpuProfileDir && path.resolve(args.cpuProfileDir),
    });
  else await singleRun(selected, env, staffSecrets, floor, { ...args, settings, built, syntheticCases });
}

async function singleRun(
  selected: typeof scenarios,
  env: NodeJS.ProcessEnv,
  staffSecrets: StaffSecrets,
  floor: FloorRun,
  options: {
    verbose: boolean;
    noLighthouse: boolean;
    cpuProfileDir?: string;
    settings: { durationS?: number; connections?: number; warmupS: number };
    built: boolean;
    syntheticCases: number;
  },
): Promise<void> {
  log(`bench: starting next start on a fresh database in ${dataDir}`);
  const server = await Server.launch({
    root,
    dataDir: dataDir!,
    env,
    verbose: options.verbose,
    cpuProfileDir: options.cpuProfileDir && path.resolve(options.cpuProfileDir),
  });
  servers = [server];
  await server.ready();
  const idleRssMb = Math.round((await treeRssMb(server.pid)) * 10) / 10;
  log(`bench: server ready at ${server.baseUrl} (pid ${server.pid}, ${idleRssMb} MB)`);

  const context = {
    baseUrl: server.baseUrl,
    staffSession: (username: string) => staffSession(server.baseUrl, staffSecrets, username),
  };
  const results: { measurement: Measurement; budget: Budget | undefined }[] = [];
  for (const scenario of selected) {
    log(`bench: ${scenario.name} (${scenario.path}): warm-up ${options.settings.warmupS} s, then measuring`);
    results.push({
      measurement: await runScenario(server, scenario, context, options.settings),
      budget: scenario.budget,
    });
  }
  // Page weight does not depend on load: measured once, after the scenarios (the pages are built and warm).
  const firstLoadJs = await Promise.all(PUBLIC_PAGES.map((page) => measureFirstLoadJs(server.baseUrl, page)));
  const lighthouse: LighthouseResult[] = [];
  if (options.noLighthouse) log("bench: --no-lighthouse, Lighthouse skipped");
  else {
    // One page at a time: each audit loads the page in its own Chromium on the same two cores.
    for (const page of LIGHTHOUSE_PAGES) {
      log(`bench: Lighthouse ${page}`);
      lighthouse.push(await runLighthouse(root, server.baseUrl, page));
    }
  }
  const baseUrl = server.baseUrl;
  await stopAll();

  const report = makeReport({
    root,
    results,
    idleRssMb,
    warmupS: options.settings.warmupS,
    built: options.built,
    baseUrl,
    syntheticCases: options.syntheticCases,
    firstLoadJs,
    lighthouse,
    backend: database ? "postgres" : "pglite",
    floor,
  });
  const file = path.join(root, "bench", "results.json");
  writeJson(file, report);
  writeSection(performanceDoc, "single", formatMarkdown(report, commandLine()));
  console.log(
    "\n" +
      formatTable(report) +
      `\n\nwritten ${path.relative(process.cwd(), file) || file} and ${path.relative(process.cwd(), performanceDoc)}`,
  );
  if (options.cpuProfileDir) console.log(profilingNote(path.resolve(options.cpuProfileDir)));
}

/** A new empty data directory (and scratch PostgreSQL database with --postgres) in place of the last. */
async function freshDatabase(postgres: string | undefined): Promise<NodeJS.ProcessEnv> {
  if (dataDir) removeDataDir(dataDir);
  dataDir = makeDataDir();
  await dropDatabase();
  if (postgres) database = await createScratchDatabase(postgres, "lentera_bench");
  return serverEnv(dataDir, database?.url);
}

async function scaleRun(
  counts: number[],
  selected: typeof scenarios,
  floor: FloorRun,
  postgres: string | undefined,
  options: { verbose: boolean; settings: { durationS?: number; connections?: number; warmupS: number } },
): Promise<void> {
  const rows: ScaleRow[] = [];
  for (const cases of counts) {
    const env = await freshDatabase(postgres);
    const staffSecrets = await prepareDatabase(env, { syntheticCases: cases, log });
    const server = await Server.launch({ root, dataDir: dataDir!, env, verbose: options.verbose });
    servers = [server];
    await server.ready();
    log(`bench: ${cases} cases: server ready at ${server.baseUrl}`);
    const context = {
      baseUrl: server.baseUrl,
      staffSession: (username: string) => staffSession(server.baseUrl, staffSecrets, username),
      syntheticCases: cases,
    };
    for (const scenario of selected) {
      log(`bench: ${cases} cases: ${scenario.name}: warm-up ${options.settings.warmupS} s, then measuring`);
      rows.push({ cases, measurement: await runScenario(server, scenario, context, options.settings) });
    }
    await stopAll();
  }
  const report = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    backend: database ? ("postgres" as const) : ("pglite" as const),
    counts,
    rows,
    floor: floor.reference,
    machine: machine(),
  };
  // One section per database kind: the embedded default and PostgreSQL answer different questions.
  const kind = database ? "scale-postgres" : "scale";
  const file = path.join(root, "bench", `results-${kind}.json`);
  writeJson(file, report);
  writeSection(performanceDoc, kind, formatScaleMarkdown(report, commandLine()));
  console.log(
    "\n" +
      formatScaleTable(report) +
      `\n\nwritten ${path.relative(process.cwd(), file) || file} and ${path.relative(process.cwd(), performanceDoc)}`,
  );
}

async function scaleOutRun(
  instances: number,
  env: NodeJS.ProcessEnv,
  staffSecrets: StaffSecrets,
  floor: FloorRun,
  options: {
    only: string[];
    verbose: boolean;
    settings: { durationS?: number; connections?: number; warmupS: number };
    cpuProfileDir?: string;
  },
): Promise<void> {
  const cluster = await startCluster({
    root,
    env,
    databaseName: database!.name,
    instances,
    verbose: options.verbose,
    cpuProfileDir: options.cpuProfileDir,
    log,
    register: (list, p) => {
      servers = [...list];
      proxy = p;
    },
  });
  const context = {
    baseUrl: cluster.proxy.url,
    staffSession: (username: string) => staffSession(cluster.proxy.url, staffSecrets, username),
    // While the instances run (PostgreSQL takes other clients), after the operations.
    seedSyntheticCases: () => addSyntheticCases(env, SYNTHETIC_CASES),
  };
  let rows;
  try {
    rows = await runScaleOut(cluster, context, options.only, options.settings, log);
  } catch (e) {
    throw new HarnessError(
      (e as Error).message,
      cluster.servers.flatMap((s) => s.output()),
    );
  }
  await stopAll();

  const report = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    instances,
    rows,
    syntheticCases: rows.some((r) => r.p95BudgetMs !== undefined) ? SYNTHETIC_CASES : 0,
    floor: { reference: floor.reference, measurements: floor.measurements },
    machine: machine(),
  };
  const file = path.join(root, "bench", "results-scale-out.json");
  writeJson(file, report);
  writeSection(performanceDoc, "scale-out", formatScaleOutMarkdown(report, commandLine()));
  console.log(
    "\n" +
      formatScaleOutTable(report) +
      `\n\nwritten ${path.relative(process.cwd(), file) || file} and ${path.relative(process.cwd(), performanceDoc)}`,
  );
  const failed = rows.reduce((sum, r) => sum + r.failed, 0);
  if (failed > 0) {
    console.error(`bench: ${failed} operations did not get the expected answer`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (e) {
  const lines =
    e instanceof HarnessError && e.serverOutput.length ? e.serverOutput : servers.flatMap((s) => s.output());
  console.error(`\nbench: ${e instanceof HarnessError ? e.message : ((e as Error).stack ?? String(e))}`);
  if (lines.length) console.error(`--- last ${lines.length} lines of server output ---\n${lines.join("\n")}\n---`);
  process.exitCode = 1;
} finally {
  await stopAll();
  cleanupNow();
  await dropDatabase();
  log(`bench: whole run ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`);
}
process.exit(); // with process.exitCode; don't wait for idle keep-alive sockets
