/**
 * The scale-out check (`npm run bench -- --postgres URL --instances 2`): N production servers
 * on one PostgreSQL database, with the same secrets, behind bench/reverse-proxy.ts. First a
 * fixed number of operations, a fixed number at a time, each of which must get its expected
 * success answer: report submissions with a 1 MB photo through the portal, then the
 * Sekretariat recording submitted cases (step 2, which numbers the case in the agenda and
 * issues the Catatan Pengaduan). Then the database gets SYNTHETIC_CASES synthetic cases and the
 * staff pages of the single-server bench (staff case list, office dashboard) are measured
 * through the proxy the same way (autocannon after warm-up), against their p95 budget.
 */
import { failureReason, runCounted, type CountedResult } from "./counted-run.ts";
import {
  evidenceJpeg,
  freshKey,
  multipart,
  NO_FILE,
  NO_JS_POST_HEADERS,
  reportFormHidden,
  reportParts,
  submitReport,
  trackingCode,
  type FilePart,
} from "./portal-forms.ts";
import { databaseCpuMs, freePort, RssSampler, Server } from "./server.ts";
import { startReverseProxy, type ReverseProxy } from "./reverse-proxy.ts";
import { trpcQueryPath } from "./staff-pages.ts";
import { selects } from "./args.ts";
import { runScenario, targetCpuMs, type RunSettings } from "./measure.ts";
import type { HeapSample } from "./heap-headroom.ts";
import { pageRow } from "./scale-out-report.ts";
import { scenarios, type Scenario } from "./scenarios.ts";
import { SYNTHETIC_CASES } from "./database.ts";

export const SCALE_OUT_TOTAL = 200;
export const SCALE_OUT_CONCURRENCY = 20;
const TOP_UP_CONCURRENCY = 4;
const TOP_UP_ROUNDS = 5;

export interface ScaleOutContext {
  /** The proxy's address: every request of the check goes through it. */
  baseUrl: string;
  staffSession: (username: string) => Promise<string>;
  /** Adds SYNTHETIC_CASES synthetic cases to the shared database (before the staff pages). */
  seedSyntheticCases: () => Promise<void>;
}

/**
 * The staff pages whose budget is "p95 ≤ 100 ms at 100 000 cases" (scenarios.ts, the same
 * builders, checks and budgets), measured through the proxy after the operations above.
 */
export const scaleOutPages: Scenario[] = scenarios.filter((s) =>
  ["/api/trpc/cases.list", "/staff/dasbor"].includes(s.path),
);

interface ScaleOutScenario {
  name: string;
  path: string;
  /** Unmeasured set-up; returns one operation (null = expected success, else why not) and an optional final check. */
  prepare: (
    ctx: ScaleOutContext,
  ) => Promise<{ operation: (index: number) => Promise<string | null>; finalCheck?: () => Record<string, number> }>;
}

export interface ScaleOutRow extends CountedResult {
  name: string;
  path: string;
  /** CPU time of all instances' process trees over the scenario, per operation. */
  cpuMsPerRequest: number;
  /** CPU time of the PostgreSQL backends of the check's database, per operation (when on this machine). */
  databaseCpuMsPerRequest?: number;
  /** Sum over the instances of each one's highest RSS during the scenario. */
  maxRssMb: number;
  /** Operations each instance was handed by the proxy during the scenario. */
  perInstance: number[];
  /** The proxy's upstream errors during the scenario, by code (what a 502 was). */
  proxyErrors: Record<string, number>;
  /** Timed rows (the staff pages): autocannon for a fixed time, ops = answers, and their p95 budget. */
  p95BudgetMs?: number;
  /** Timed rows: the highest V8 heap sample of any instance (nearest its limit). */
  heapPeak?: HeapSample;
}

/** The form again: its alert says why there is no receipt. */
function formAlert(html: string): string {
  const alert = html
    .match(/role="alert"[^>]*>([\s\S]*?)<\/(?:div|p)>/)?.[1]
    ?.replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return alert ? `no receipt: ${alert.slice(0, 120)}` : "no receipt";
}

const reportSubmissions: ScaleOutScenario = {
  name: "report submission (1 MB image)",
  path: "/lapor",
  prepare: async (ctx) => {
    const [bytes, hidden] = await Promise.all([evidenceJpeg(), reportFormHidden(ctx.baseUrl)]);
    const photo: FilePart = { name: "files", fileName: "IMG_20261116_100500.jpg", type: "image/jpeg", bytes };
    const seen = new Set<string>();
    return {
      operation: async () => {
        const form = multipart(reportParts(hidden, freshKey(), photo));
        const res = await fetch(`${ctx.baseUrl}/lapor`, {
          method: "POST",
          body: new Uint8Array(form.body),
          headers: { "Content-Type": form.contentType, ...NO_JS_POST_HEADERS },
          redirect: "manual",
        });
        const html = await res.text();
        if (res.status !== 200) return `HTTP ${res.status}`;
        const code = trackingCode(html);
        if (!code) return formAlert(html);
        if (seen.has(code)) return "a receipt given twice";
        seen.add(code);
        return null;
      },
    };
  },
};

async function trpcJson(res: Response): Promise<{ status: number; data?: unknown; error?: string }> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as {
      result?: { data?: { json?: unknown } };
      error?: { json?: { message?: string; data?: { code?: string } } };
    };
    return {
      status: res.status,
      data: body.result?.data?.json,
      error: body.error?.json?.data?.code ?? body.error?.json?.message,
    };
  } catch {
    return { status: res.status, error: text.slice(0, 60) };
  }
}

/** Ids of up to `wanted` cases waiting for the Sekretariat (status SUBMITTED). */
async function submittedCases(ctx: ScaleOutContext, cookie: string, wanted: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(
      ctx.baseUrl +
        trpcQueryPath("cases.list", { status: ["SUBMITTED"], pageSize: 100, ...(cursor ? { cursor } : {}) }),
      { headers: { Cookie: cookie } },
    );
    const { status, data, error } = await trpcJson(res);
    const page = data as { rows: { id: string }[]; nextCursor: string | null } | undefined;
    if (status !== 200 || !page) throw new Error(`cases.list answered ${status}: ${error}`);
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < wanted);
  return ids.slice(0, wanted);
}

const staffRecordings: ScaleOutScenario = {
  name: "staff recording (step 2, letter issued)",
  path: "/api/trpc/cases.record",
  prepare: async (ctx) => {
    const cookie = await ctx.staffSession("sekretariat");
    let ids = await submittedCases(ctx, cookie, SCALE_OUT_TOTAL);
    // Run alone (--only), or after failed submissions: top up with reports without a file,
    // unmeasured and gently (a few at a time, failures retried), since this is only set-up.
    const hidden = await reportFormHidden(ctx.baseUrl);
    for (let round = 0; round < TOP_UP_ROUNDS && ids.length < SCALE_OUT_TOTAL; round++) {
      await runCounted(
        SCALE_OUT_TOTAL - ids.length,
        TOP_UP_CONCURRENCY,
        async () => (await submitReport(ctx.baseUrl, hidden, NO_FILE), null),
      );
      ids = await submittedCases(ctx, cookie, SCALE_OUT_TOTAL);
    }
    const numbers: number[] = [];
    return {
      operation: async (index) => {
        // The set-up could not make this case: counted as a failure, not left out.
        if (ids[index] === undefined) return "no submitted case to record (set-up failed to make it)";
        const res = await fetch(`${ctx.baseUrl}/api/trpc/cases.record`, {
          method: "POST",
          // What the staff client's fetch carries: tRPC mutations must say they come from this site.
          headers: {
            Cookie: cookie,
            "Content-Type": "application/json",
            "Sec-Fetch-Site": "same-origin",
            Origin: ctx.baseUrl,
          },
          body: JSON.stringify({ json: { caseId: ids[index], subject: "Dugaan pungutan liar di loket" } }),
        });
        const { status, data, error } = await trpcJson(res);
        if (status !== 200) return `HTTP ${status}${error ? ` ${error}` : ""}`;
        const agendaNumber = (data as { agendaNumber?: unknown } | undefined)?.agendaNumber;
        if (typeof agendaNumber !== "number") return "no agenda number";
        numbers.push(agendaNumber);
        return null;
      },
      // Two recordings must never share an agenda number, whichever instance served them.
      finalCheck: (): Record<string, number> => {
        const duplicates = numbers.length - new Set(numbers).size;
        return duplicates ? { "agenda number given twice": duplicates } : {};
      },
    };
  },
};

export const scaleOutScenarios: ScaleOutScenario[] = [reportSubmissions, staffRecordings];

export interface ScaleOutCluster {
  proxy: ReverseProxy;
  servers: Server[];
  /** CPU ms used so far by the shared database's PostgreSQL backends. */
  databaseCpuMs: () => Promise<number>;
}

/** What each instance was handed and the proxy's upstream errors since `before`. */
function proxyFigures(cluster: ScaleOutCluster, before: { forwarded: number[]; errors: Record<string, number> }) {
  return {
    perInstance: cluster.proxy.forwarded.map((n, i) => n - before.forwarded[i]!),
    proxyErrors: Object.fromEntries(
      Object.entries(cluster.proxy.upstreamErrors)
        .map(([code, n]) => [code, n - (before.errors[code] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    ),
  };
}

const proxyMark = (cluster: ScaleOutCluster) => ({
  forwarded: [...cluster.proxy.forwarded],
  errors: { ...cluster.proxy.upstreamErrors },
});

/** N instances on the same env (database, secrets), NEXTAUTH_URL the proxy, the proxy trusted; started one after the other. */
export async function startCluster(input: {
  root: string;
  env: NodeJS.ProcessEnv;
  /** The PostgreSQL database the instances share (its backends' CPU is measured too). */
  databaseName: string;
  instances: number;
  verbose: boolean;
  /** Each instance writes its own V8 CPU profile here when it stops. */
  cpuProfileDir?: string;
  log: (line: string) => void;
  register: (servers: Server[], proxy?: ReverseProxy) => void;
}): Promise<ScaleOutCluster> {
  const proxyPort = await freePort();
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const env = { ...input.env, LENTERA_TRUSTED_PROXIES: "127.0.0.1" };
  const servers: Server[] = [];
  for (let i = 0; i < input.instances; i++) {
    const server = await Server.launch({
      root: input.root,
      dataDir: "",
      env,
      verbose: input.verbose,
      publicUrl,
      cpuProfileDir: input.cpuProfileDir,
    });
    servers.push(server);
    input.register(servers);
    await server.ready();
    input.log(`bench: instance ${i + 1} ready at ${server.baseUrl} (pid ${server.pid})`);
  }
  const proxy = await startReverseProxy(
    servers.map((s) => ({ host: "127.0.0.1", port: s.port })),
    { port: proxyPort },
  );
  input.register(servers, proxy);
  input.log(`bench: reverse proxy at ${proxy.url}, round-robin over ${servers.length} instances`);
  return { proxy, servers, databaseCpuMs: () => databaseCpuMs(input.databaseName) };
}

export async function runScaleOut(
  cluster: ScaleOutCluster,
  context: ScaleOutContext,
  only: readonly string[],
  settings: RunSettings,
  log: (line: string) => void,
): Promise<ScaleOutRow[]> {
  const rows: ScaleOutRow[] = [];
  for (const scenario of scaleOutScenarios.filter((s) => selects(only, s))) {
    log(`bench: ${scenario.name}: preparing`);
    let prepared: Awaited<ReturnType<ScaleOutScenario["prepare"]>>;
    try {
      prepared = await scenario.prepare(context);
    } catch (e) {
      throw new Error(`scenario "${scenario.name}": set-up failed: ${failureReason(e)}`);
    }
    log(
      `bench: ${scenario.name}: ${SCALE_OUT_TOTAL} operations, ${SCALE_OUT_CONCURRENCY} at a time, through the proxy`,
    );
    const before = proxyMark(cluster);
    const samplers = cluster.servers.map((s) => new RssSampler(s.pid));
    samplers.forEach((s) => s.start());
    const cpuBefore = await targetCpuMs(cluster);
    const databaseCpuBefore = await cluster.databaseCpuMs();
    let result: CountedResult;
    let rss: { maxMb: number }[];
    try {
      result = await runCounted(SCALE_OUT_TOTAL, SCALE_OUT_CONCURRENCY, prepared.operation);
    } finally {
      rss = await Promise.all(samplers.map((s) => s.stop()));
    }
    const cpuMs = (await targetCpuMs(cluster)) - cpuBefore;
    const databaseCpu = (await cluster.databaseCpuMs()) - databaseCpuBefore;
    const dead = cluster.servers.filter((s) => !s.alive);
    if (dead.length)
      throw new Error(
        `instance ${dead.map((s) => s.baseUrl).join(", ")} ${dead[0]!.describeExit()} during "${scenario.name}"`,
      );
    const extra = prepared.finalCheck?.() ?? {};
    for (const [reason, n] of Object.entries(extra)) {
      result.failures[reason] = (result.failures[reason] ?? 0) + n;
      result.failed += n;
      result.succeeded -= n;
    }
    const row: ScaleOutRow = {
      name: scenario.name,
      path: scenario.path,
      ...result,
      cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.total)) * 10) / 10,
      databaseCpuMsPerRequest: Math.round((databaseCpu / Math.max(1, result.total)) * 10) / 10,
      maxRssMb: Math.round(rss.reduce((sum, r) => sum + r.maxMb, 0) * 10) / 10,
      ...proxyFigures(cluster, before),
    };
    rows.push(row);
    logRow(row, log);
  }
  const pages = scaleOutPages.filter((s) => selects(only, s));
  if (pages.length === 0) return rows;
  const started = Date.now();
  await context.seedSyntheticCases();
  log(`bench: ${SYNTHETIC_CASES} synthetic cases seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const scenario of pages) {
    log(`bench: ${scenario.name}: warm-up ${settings.warmupS ?? 0} s, then measuring through the proxy`);
    let before = proxyMark(cluster);
    const measurement = await runScenario(
      {
        baseUrl: cluster.proxy.url,
        servers: cluster.servers,
        databaseCpuMs: cluster.databaseCpuMs,
        onMeasure: () => (before = proxyMark(cluster)),
      },
      scenario,
      { ...context, syntheticCases: SYNTHETIC_CASES },
      settings,
    );
    const row = pageRow(measurement, { ...proxyFigures(cluster, before), p95BudgetMs: scenario.budget?.p95Ms });
    rows.push(row);
    logRow(row, log);
  }
  return rows;
}

/** Printed at once: a later scenario's harness failure must not lose this one's figures. */
function logRow(row: ScaleOutRow, log: (line: string) => void): void {
  log(
    `bench: ${row.name}: ${row.succeeded} ok, ${row.failed} failed ${JSON.stringify(row.failures)}; ${row.requestsPerSec} req/s, p50 ${row.latencyMs.p50} ms, p95 ${row.latencyMs.p95} ms, p99 ${row.latencyMs.p99} ms, ${row.cpuMsPerRequest} CPU ms/op (+ ${row.databaseCpuMsPerRequest ?? "?"} PostgreSQL), ${row.maxRssMb} MB, per instance ${row.perInstance.join("/")}, proxy upstream errors ${JSON.stringify(row.proxyErrors)}`,
  );
}
