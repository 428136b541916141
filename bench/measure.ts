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
  /** Figures of the scenario's background load, if it has one. */
  background?: Record<string, number>;
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
  server: Server,
  scenario: Scenario,
  spec: RequestSpec,
  connections: number,
  durationS: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  const options: autocannon.Options = {
    url: server.baseUrl + scenario.path,
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
  server: Server,
  scenario: Scenario,
  context: ScenarioContext,
  settings: RunSettings = {},
): Promise<Measurement> {
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
        server.output(),
      );
    }
  }

  if (warmupS > 0) await fire(server, scenario, spec, connections, warmupS);
  if (!server.alive)
    throw new HarnessError(
      `the server ${server.describeExit()} during the warm-up of "${scenario.name}"`,
      server.output(),
    );

  // autocannon's histogram has no p95 (the design budgets one), so latencies are also kept here.
  const latencies: number[] = [];
  const sampler = new RssSampler(server.pid);
  sampler.start();
  const cpuBefore = await treeCpuMs(server.pid);
  let result: autocannon.Result;
  let rss: { maxMb: number };
  const load = spec.background?.();
  let backgroundFigures: Record<string, number> | undefined;
  try {
    result = await fire(server, scenario, spec, connections, durationS, (ms) => latencies.push(ms));
  } finally {
    backgroundFigures = await load?.stop();
    rss = await sampler.stop();
  }
  const cpuMs = (await treeCpuMs(server.pid)) - cpuBefore;
  if (!server.alive)
    throw new HarnessError(`the server ${server.describeExit()} during "${scenario.name}"`, server.output());

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
    maxRssMb: round(rss.maxMb, 1),
    cpuMsPerRequest: latencies.length ? round(cpuMs / latencies.length, 1) : 0,
    ...(backgroundFigures ? { background: backgroundFigures } : {}),
  };
}
