/** The scale-out check's table (terminal and docs/performance.md). */
import type { Measurement } from "./measure.ts";
import { heapHeadroomNotes } from "./heap-headroom.ts";
import { formatRatio, ratiosTo } from "./ratios.ts";
import { alignedTable, markdownTable } from "./report.ts";
import type { ScaleOutRow } from "./scale-out.ts";

const HEADER = [
  "scenario",
  "path",
  "ops",
  "at a time",
  "ok",
  "failed",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "RSS MB",
  "CPU ms/req",
  "PostgreSQL CPU ms/req",
  "req/s ÷ floor",
  "CPU ÷ floor",
  "RSS ÷ floor",
  "per instance",
];
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A timed page scenario's measurement as a row of the check: every failed request is a failed operation. */
export function pageRow(
  m: Measurement,
  extra: Pick<ScaleOutRow, "perInstance" | "proxyErrors" | "p95BudgetMs">,
): ScaleOutRow {
  const failures: Record<string, number> = {};
  const add = (reason: string, n: number) => n > 0 && (failures[reason] = n);
  add("timed out", m.timeouts);
  add("unexpected status", m.non2xx);
  add("wrong body", m.mismatches);
  add("other connection error", m.errors - m.timeouts - m.non2xx - m.mismatches);
  return {
    name: m.name,
    path: m.path,
    total: m.requestsTotal,
    concurrency: m.connections,
    succeeded: Math.max(0, m.requestsTotal - m.errors),
    failed: m.errors,
    failures,
    wallMs: m.durationS * 1000,
    requestsPerSec: m.requestsPerSec,
    latencyMs: { p50: m.latencyMs.p50, p95: m.latencyMs.p95, p99: m.latencyMs.p99, max: m.latencyMs.max },
    cpuMsPerRequest: m.cpuMsPerRequest,
    ...(m.databaseCpuMsPerRequest === undefined ? {} : { databaseCpuMsPerRequest: m.databaseCpuMsPerRequest }),
    maxRssMb: m.maxRssMb,
    ...(m.heapPeak ? { heapPeak: m.heapPeak } : {}),
    ...extra,
  };
}

export interface ScaleOutReport {
  generatedAt: string;
  commit: string | null;
  instances: number;
  rows: ScaleOutRow[];
  /** Synthetic cases added before the staff pages (0 or absent: none ran). */
  syntheticCases?: number;
  floor: { reference: Measurement; measurements: Measurement[] };
  machine: string;
}

function groups(report: ScaleOutReport): string[][][] {
  const ref = report.floor.reference;
  const floor = report.floor.measurements.map((m) => {
    const r = ratiosTo(ref, m);
    return [
      m.name,
      m.path,
      fmt(m.requestsTotal),
      String(m.connections),
      fmt(m.requestsTotal - m.errors),
      fmt(m.errors),
      fmt(m.requestsPerSec, 1),
      fmt(m.latencyMs.p50),
      fmt(m.latencyMs.p95),
      fmt(m.latencyMs.p99),
      fmt(m.maxRssMb, 1),
      fmt(m.cpuMsPerRequest, 1),
      "—",
      formatRatio(r.requestsPerSec),
      formatRatio(r.cpuMsPerRequest),
      formatRatio(r.maxRssMb),
      "1 server",
    ];
  });
  const rows = report.rows.map((row) => {
    const r = ratiosTo(ref, row);
    return [
      row.name,
      row.path,
      fmt(row.total),
      String(row.concurrency),
      fmt(row.succeeded),
      fmt(row.failed),
      fmt(row.requestsPerSec, 1),
      fmt(row.latencyMs.p50),
      fmt(row.latencyMs.p95),
      fmt(row.latencyMs.p99),
      fmt(row.maxRssMb, 1),
      fmt(row.cpuMsPerRequest, 1),
      row.databaseCpuMsPerRequest === undefined ? "—" : fmt(row.databaseCpuMsPerRequest, 1),
      formatRatio(r.requestsPerSec),
      formatRatio(r.cpuMsPerRequest),
      formatRatio(r.maxRssMb),
      row.perInstance.join(" / "),
    ];
  });
  return [floor, rows];
}

function notes(report: ScaleOutReport): string[] {
  const out: string[] = [];
  for (const row of report.rows) {
    const reasons = Object.entries(row.failures).map(([reason, n]) => `${n}× ${reason}`);
    const proxy = Object.entries(row.proxyErrors).map(([code, n]) => `${n}× ${code}`);
    out.push(
      `${row.failed ? "FAIL" : "pass"} ${row.name}: ${row.succeeded} of ${row.total} got the expected answer${reasons.length ? ` (${reasons.join("; ")})` : ""}` +
        (proxy.length ? `; proxy upstream errors: ${proxy.join(", ")}` : ""),
    );
    if (row.p95BudgetMs !== undefined)
      out.push(
        `${row.latencyMs.p95 <= row.p95BudgetMs ? "pass" : "FAIL"} ${row.name}: p95 ${fmt(row.latencyMs.p95)} ms at ${row.concurrency} connections (budget ≤ ${row.p95BudgetMs} ms)`,
      );
  }
  out.push(...heapHeadroomNotes(report.rows));
  out.push(
    `${report.instances} instances (next start with the peer stamp, same PostgreSQL database and secrets) behind bench/reverse-proxy.ts (round-robin, X-Forwarded-For, trusted by the instances); every request goes through the proxy`,
    "req/s = operations ÷ wall time of the scenario; RSS and CPU ms/req are summed over the instances (the proxy and PostgreSQL left out); PostgreSQL CPU ms/req is that of the backends serving the check's database (process titles naming it), summed; floor rows: one floor server, autocannon, the single-server settings",
    ...(report.rows.some((r) => r.p95BudgetMs !== undefined)
      ? [
          `the staff pages run after the operations, on the same database with ${fmt(report.syntheticCases ?? 0)} synthetic cases added: autocannon after the warm-up, as the single-server bench, through the proxy; their "ops" are the answers in the measured time`,
        ]
      : []),
    `ratios divide by "${report.floor.reference.name}"; ${report.machine}${report.commit ? `, commit ${report.commit}` : ""}`,
  );
  return out;
}

export function formatScaleOutTable(report: ScaleOutReport): string {
  return [alignedTable(HEADER, groups(report), NUMERIC), "", ...notes(report)].join("\n");
}

export function formatScaleOutMarkdown(report: ScaleOutReport, command: string): string {
  return [
    `\`${command}\`, ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC:`,
    "",
    markdownTable(HEADER, groups(report), NUMERIC),
    "",
    ...notes(report).map((n) => `- ${n}`),
  ].join("\n");
}
