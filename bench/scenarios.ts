/**
 * The bench scenarios. Later issues add theirs by appending to `scenarios` below.
 *
 * A scenario is one autocannon run against the started server. Simple pages need only `path`;
 * anything that must be prepared first (a created case, a signed-in session, a 1 MB upload body,
 * a sequence of requests) uses `build`, which runs once after the server is ready and before
 * warm-up, and may talk to the server through `ctx.baseUrl` (always http://127.0.0.1:<port>).
 */
import type autocannon from "autocannon";

export const DEFAULT_CONNECTIONS = 20;
export const DEFAULT_DURATION_S = 10;
export const WARMUP_S = 2;

/** DESIGN.md §9: "server memory under load: RSS ≤ 400 MB" (checked for every scenario and overall). */
export const MEMORY_BUDGET_MB = 400;

/**
 * Limits from DESIGN.md §9 that autocannon can check. Every field is optional; a scenario
 * passes when all given limits hold and it saw no errors (a budget met with failed requests
 * means nothing).
 */
export interface Budget {
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  minRequestsPerSec?: number;
  maxRssMb?: number;
  /** Where the numbers come from / what is not measured here. Shown in results.json only. */
  note?: string;
}

export interface ScenarioContext {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
}

/** What autocannon sends. `requests` (a per-connection sequence) overrides method/headers/body. */
export interface RequestSpec {
  method?: autocannon.HttpMethod;
  headers?: Record<string, string>;
  body?: string | Buffer;
  requests?: autocannon.Request[];
  /** Replace `[<id>]` in bodies with a random id per request (unique idempotency keys etc.). */
  idReplacement?: boolean;
}

export interface Scenario extends RequestSpec {
  name: string;
  /** The path requested (also shown in the table and JSON). */
  path: string;
  /** Request builder: prepare state once and return what to send (merged over the fields above). */
  build?: (ctx: ScenarioContext) => RequestSpec | Promise<RequestSpec>;
  /** Defaults to DEFAULT_CONNECTIONS; `--connections N` overrides every scenario. */
  connections?: number;
  /** Seconds; defaults to DEFAULT_DURATION_S; `--duration S` overrides every scenario. */
  durationS?: number;
  budget?: Budget;
}

const publicPage: Budget = {
  maxRssMb: MEMORY_BUDGET_MB,
  note: "Public page: the design's budgets for it are Lighthouse scores and first-load JS, which autocannon does not measure; only server RSS is checked here.",
};

export const scenarios: Scenario[] = [
  { name: "home page", path: "/", budget: publicPage },
  { name: "staff sign-in page", path: "/staff/masuk", budget: publicPage },
];
