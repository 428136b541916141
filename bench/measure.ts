/** One scenario: build its requests, warm up, then measure with autocannon while sampling RSS. */
import autocannon from "autocannon";
import {
  type Scenario,
  type ScenarioContext,
  type RequestSpec,
  DEFAULT_CONNECTIONS,
  DEFAULT_DURATION_S,
  WARMUP_S,
} from "./scenarios.ts";
import { HarnessError, RssSampler, treeCpuMs, type Server } from "./server.ts";
import type { HeapSample } from "./heap-headroom.ts";

/**
 * What a scenario is measured on: one server, or several behind a proxy at `baseUrl` (the
 * scale-out check), whose CPU time and highest RSS are then summed over the servers.
 */
export interface MeasureTarget {
  baseUrl: string;
  servers: readonly Server[];
  /** CPU ms used so far by the database server for this run (PostgreSQL on this machine), if known. */
  databaseCpuMs?: () => Promise<number>;
  /** Called as the measured run starts (after build and warm-up). */
  onMeasure?: () => void;
}

const targetOf = (t: Server | MeasureTarget): MeasureTarget =>
  "servers" in t ? t : { baseUrl: t.baseUrl, servers: [t] };

const sumOf = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

/** CPU ms used so far by every server's process tree. */
export async function targetCpuMs(target: Pick<MeasureTarget, "servers">): Promise<number> {
  return sumOf(await Promise.all(target.servers.map((s) => treeCpuMs(s.pid))));
}

function checkAlive(target: MeasureTarget, during: string): void {
  const dead = target.servers.find((s) => !s.alive);
  if (dead)
    throw new HarnessError(
      `the server ${dead.baseUrl} ${dead.describeExit()} ${during}`,
      target.servers.flatMap((s) => s.output()),
    );
}

export interface Measurement {
  name: string;
  path: string;
  connections: number;
  durationS: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number };
  /**
   * Every failed request: connection errors (timeouts included), unexpected non-2xx answers,
   * body mismatches (a non-2xx answer whose body also fails the check counts twice).
   */
  errors: number;
  /** Non-2xx answers other than the scenario's expectedStatuses. */
  non2xx: number;
  /** Answers refused by the scenario's verifyBody. */
  mismatches: number;
  expectedStatuses: number[];
  timeouts: number;
  statusCodes: Record<string, number>;
  requestsTotal: number;
  maxRssMb: number;
  /** Server CPU time (user + system, whole process tree) per completed request. */
  cpuMsPerRequest: number;
  /** The database server's CPU time per completed request, when measured (PostgreSQL on this machine). */
  databaseCpuMsPerRequest?: number;
  /** Figures of the scenario's background load, if it has one. */
  background?: Record<string, number>;
  /** The highest V8 heap sample of any server during the measured run (nearest its limit), if they log memory. */
  heapPeak?: HeapSample;
}

export interface RunSettings {
  /** Overrides every scenario's connections (`--connections`). */
  connections?: number;
  /** Overrides every scenario's duration (`--duration`). */
  durationS?: number;
  warmupS?: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function fire(
  target: MeasureTarget,
  scenario: Scenario,
  spec: RequestSpec,
  connections: number,
  durationS: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  const options: autocannon.Options = {
    url: target.baseUrl + scenario.path,
    connections,
    duration: durationS,
    title: scenario.name,
  };
  // autocannon treats a present-but-undefined option as set (e.g. `method: undefined` is refused).
  if (spec.method) options.method = spec.method;
  if (spec.headers) options.headers = spec.headers;
  if (spec.body !== undefined) options.body = spec.body;
  if (spec.requests) options.requests = spec.requests;
  if (spec.idReplacement) options.idReplacement = true;
  if (spec.verifyBody) options.verifyBody = spec.verifyBody;
  const instance = autocannon(options);
  if (onLatency)
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => onLatency(ms));
  return await instance;
}

export async function runScenario(
  on: Server | MeasureTarget,
  scenario: Scenario,
  context: ScenarioContext,
  settings: RunSettings = {},
): Promise<Measurement> {
  const target = targetOf(on);
  const connections = settings.connections ?? scenario.connections ?? DEFAULT_CONNECTIONS;
  const durationS = settings.durationS ?? scenario.durationS ?? DEFAULT_DURATION_S;
  const warmupS = settings.warmupS ?? WARMUP_S;
  if (!scenario.path.startsWith("/")) throw new HarnessError(`scenario "${scenario.name}": path must start with "/"`);

  const { build, method, headers, body, requests, idReplacement, verifyBody, background } = scenario;
  let spec: RequestSpec = { method, headers, body, requests, idReplacement, verifyBody, background };
  if (build) {
    try {
      spec = { ...spec, ...(await build(context)) };
    } catch (e) {
      throw new HarnessError(
        `scenario "${scenario.name}": request builder failed: ${(e as Error).message}`,
        target.servers.flatMap((s) => s.output()),
      );
    }
  }

  if (warmupS > 0) await fire(target, scenario, spec, connections, warmupS);
  checkAlive(target, `during the warm-up of "${scenario.name}"`);

  // autocannon's histogram has no p95 (the design budgets one), so latencies are also kept here.
  const latencies: number[] = [];
  const samplers = target.servers.map((s) => new RssSampler(s.pid));
  target.servers.forEach((s) => s.takeHeapPeak());
  samplers.forEach((s) => s.start());
  const cpuBefore = await targetCpuMs(target);
  const databaseCpuBefore = await target.databaseCpuMs?.();
  target.onMeasure?.();
  let result: autocannon.Result;
  let rss: { maxMb: number }[];
  const load = spec.background?.();
  let backgroundFigures: Record<string, number> | undefined;
  try {
    result = await fire(target, scenario, spec, connections, durationS, (ms) => latencies.push(ms));
  } finally {
    backgroundFigures = await load?.stop();
    rss = await Promise.all(samplers.map((s) => s.stop()));
  }
  const cpuMs = (await targetCpuMs(target)) - cpuBefore;
  const heapPeak = target.servers
    .map((s) => s.takeHeapPeak())
    .filter((h) => h !== undefined)
    .sort((a, b) => b.usedMb / b.limitMb - a.usedMb / a.limitMb)[0];
  const databaseCpuMs =
    databaseCpuBefore === undefined ? undefined : (await target.databaseCpuMs!()) - databaseCpuBefore;
  checkAlive(target, `during "${scenario.name}"`);

  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = Number(count);
  const expectedStatuses = scenario.expectedStatuses ?? [];
  const non2xx = result.non2xx - expectedStatuses.reduce((sum, code) => sum + (statusCodes[code] ?? 0), 0);
  return {
    name: scenario.name,
    path: scenario.path,
    connections,
    durationS,
    requestsPerSec: round(result.requests.average, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p95: round(percentile(sorted, 95)),
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors + non2xx + result.mismatches,
    non2xx,
    mismatches: result.mismatches,
    expectedStatuses,
    timeouts: result.timeouts,
    statusCodes,
    requestsTotal: (result.requests.total ?? 0) + result.errors,
    maxRssMb: round(sumOf(rss.map((r) => r.maxMb)), 1),
    cpuMsPerRequest: latencies.length ? round(cpuMs / latencies.length, 1) : 0,
    ...(databaseCpuMs === undefined
      ? {}
      : { databaseCpuMsPerRequest: latencies.length ? round(databaseCpuMs / latencies.length, 1) : 0 }),
    ...(backgroundFigures ? { background: backgroundFigures } : {}),
    ...(heapPeak ? { heapPeak } : {}),
  };
}
