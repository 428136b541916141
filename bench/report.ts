/** Budget checks, the text table and bench/results.json. */
import { LIGHTHOUSE_TARGETS, type LighthouseResult } from "./lighthouse.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { FIRST_LOAD_JS_BUDGET_KB, type FirstLoadJs } from "./first-load-js.ts";
import { heapHeadroomNotes } from "./heap-headroom.ts";
import type { Measurement } from "./measure.ts";
import { formatRatio, ratiosTo, type Ratios } from "./ratios.ts";
import { MEMORY_BUDGET_MB, type Budget } from "./scenarios.ts";

export interface Verdict {
  /** e.g. "p99 ≤ 150 ms, RSS ≤ 400 MB"; null when no budget applies. */
  label: string | null;
  /** null when no budget applies. */
  pass: boolean | null;
  /** What broke the budget, e.g. "p99 212 ms > 150 ms". */
  failures: string[];
}

export function budgetLabel(budget: Budget): string {
  const parts: string[] = [];
  if (budget.p50Ms !== undefined) parts.push(`p50 ≤ ${budget.p50Ms} ms`);
  if (budget.p95Ms !== undefined) parts.push(`p95 ≤ ${budget.p95Ms} ms`);
  if (budget.p99Ms !== undefined) parts.push(`p99 ≤ ${budget.p99Ms} ms`);
  if (budget.minRequestsPerSec !== undefined) parts.push(`≥ ${budget.minRequestsPerSec} req/s`);
  if (budget.maxRssMb !== undefined) parts.push(`RSS ≤ ${budget.maxRssMb} MB`);
  return parts.join(", ");
}

export function evaluate(m: Measurement, budget: Budget | undefined): Verdict {
  if (!budget) return { label: null, pass: null, failures: [] };
  const failures: string[] = [];
  const max = (what: string, value: number, limit: number | undefined, unit: string) => {
    if (limit !== undefined && value > limit) failures.push(`${what} ${value} ${unit} > ${limit} ${unit}`);
  };
  max("p50", m.latencyMs.p50, budget.p50Ms, "ms");
  max("p95", m.latencyMs.p95, budget.p95Ms, "ms");
  max("p99", m.latencyMs.p99, budget.p99Ms, "ms");
  max("RSS", m.maxRssMb, budget.maxRssMb, "MB");
  if (budget.minRequestsPerSec !== undefined && m.requestsPerSec < budget.minRequestsPerSec) {
    failures.push(`${m.requestsPerSec} req/s < ${budget.minRequestsPerSec} req/s`);
  }
  if (m.errors > 0) failures.push(`${m.errors} failed requests`);
  if (m.background?.failed) failures.push(`${m.background.failed} background requests failed`);
  return { label: budgetLabel(budget), pass: failures.length === 0, failures };
}

export interface ScenarioReport extends Measurement {
  budget: (Budget & { label: string }) | null;
  pass: boolean | null;
  failures: string[];
  /** This scenario ÷ the floor's reference row (bench/floor.ts). */
  vsFloor: Ratios;
}

/** The floor's own rows (bench/floor/), each also as a ratio to the reference row. */
export interface FloorReport {
  /** Name of the row every ratio divides by. */
  reference: string;
  idleRssMb: number;
  built: boolean;
  scenarios: (Measurement & { vsFloor: Ratios })[];
}

/** Embedded PGlite (the default) or a PostgreSQL server (--postgres), whose processes RSS and CPU leave out. */
export type Backend = "pglite" | "postgres";

export interface Report {
  generatedAt: string;
  commit: string | null;
  machine: { cpus: number; cpuModel: string; memory: string; memoryBytes: number; node: string; platform: string };
  settings: { warmupS: number; built: boolean; baseUrl: string; syntheticCases: number; backend: Backend };
  scenarios: ScenarioReport[];
  floor: FloorReport;
  /** First-load JavaScript of the public pages (gzip). */
  firstLoadJs: FirstLoadJs[];
  /** Lighthouse scores of the public pages (empty with --no-lighthouse). */
  lighthouse: LighthouseResult[];
  /** Idle RSS of the server tree after start-up and before any load. */
  idleRssMb: number;
  /** Highest RSS of the server tree over all scenarios. */
  maxRssMb: number;
  memoryBudget: { maxRssMb: number; pass: boolean };
}

function gitCommit(root: string): string | null {
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

export function makeReport(input: {
  root: string;
  results: { measurement: Measurement; budget: Budget | undefined }[];
  idleRssMb: number;
  warmupS: number;
  built: boolean;
  baseUrl: string;
  syntheticCases: number;
  firstLoadJs: FirstLoadJs[];
  lighthouse?: LighthouseResult[];
  backend: Backend;
  floor: { measurements: Measurement[]; reference: Measurement; idleRssMb: number; built: boolean };
}): Report {
  const reference = input.floor.reference;
  const scenarios = input.results.map(({ measurement, budget }): ScenarioReport => {
    const verdict = evaluate(measurement, budget);
    return {
      ...measurement,
      budget: budget && verdict.label !== null ? { ...budget, label: verdict.label } : null,
      pass: verdict.pass,
      failures: verdict.failures,
      vsFloor: ratiosTo(reference, measurement),
    };
  });
  const floor: FloorReport = {
    reference: reference.name,
    idleRssMb: input.floor.idleRssMb,
    built: input.floor.built,
    scenarios: input.floor.measurements.map((m) => ({ ...m, vsFloor: ratiosTo(reference, m) })),
  };
  const maxRssMb = Math.max(input.idleRssMb, ...scenarios.map((s) => s.maxRssMb));
  const cpus = os.cpus();
  return {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(input.root),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: {
      warmupS: input.warmupS,
      built: input.built,
      baseUrl: input.baseUrl,
      syntheticCases: input.syntheticCases,
      backend: input.backend,
    },
    scenarios,
    floor,
    firstLoadJs: input.firstLoadJs,
    lighthouse: input.lighthouse ?? [],
    idleRssMb: input.idleRssMb,
    maxRssMb,
    memoryBudget: { maxRssMb: MEMORY_BUDGET_MB, pass: maxRssMb <= MEMORY_BUDGET_MB },
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** req/s, p50, p95, p99, errors, RSS MB, CPU ms/req: the measured columns every table shows. */
export function measuredCells(m: Measurement): string[] {
  return [
    fmt(m.requestsPerSec, 1),
    fmt(m.latencyMs.p50),
    fmt(m.latencyMs.p95),
    fmt(m.latencyMs.p99),
    fmt(m.errors),
    fmt(m.maxRssMb, 1),
    fmt(m.cpuMsPerRequest, 1),
  ];
}

const HEADER = [
  "scenario",
  "path",
  "conn",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "errors",
  "RSS MB",
  "CPU ms/req",
  "req/s ÷ floor",
  "CPU ÷ floor",
  "RSS ÷ floor",
  "budget",
  "result",
];
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

function rowCells(s: Measurement & { vsFloor: Ratios }, budget: string, result: string): string[] {
  return [
    s.name,
    s.path,
    String(s.connections),
    ...measuredCells(s),
    formatRatio(s.vsFloor.requestsPerSec),
    formatRatio(s.vsFloor.cpuMsPerRequest),
    formatRatio(s.vsFloor.maxRssMb),
    budget,
    result,
  ];
}

/** The table's rows in groups (floor, scenarios, totals): header and cells as strings. */
export function tableRows(report: Report): { header: string[]; groups: string[][][] } {
  const floor = report.floor.scenarios.map((s) =>
    rowCells(s, s.name === report.floor.reference ? "reference (1×)" : "—", "—"),
  );
  const rows = report.scenarios.map((s) =>
    rowCells(s, s.budget?.label ?? "—", s.pass === null ? "—" : s.pass ? "pass" : "FAIL"),
  );
  const total = [
    "server memory (all)",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    fmt(report.maxRssMb, 1),
    "",
    "",
    "",
    "",
    `RSS ≤ ${report.memoryBudget.maxRssMb} MB`,
    report.memoryBudget.pass ? "pass" : "FAIL",
  ];
  return { header: HEADER, groups: [floor, rows, [total]] };
}

/** A plain aligned table, numbers right-aligned, a rule between groups. */
export function alignedTable(header: string[], groups: string[][][], numeric: Set<number>): string {
  const all = groups.flat();
  const widths = header.map((h, i) => Math.max(h.length, ...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(header)];
  for (const group of groups.filter((g) => g.length)) out.push(rule, ...group.map(line));
  return out.join("\n");
}

/** A Markdown table (for docs/performance.md); numeric columns right-aligned. */
export function markdownTable(header: string[], groups: string[][][], numeric: Set<number>): string {
  const escape = (c: string) => c.replace(/\|/g, "\\|") || " ";
  const rows = groups.flat();
  return [
    `| ${header.map(escape).join(" | ")} |`,
    `|${header.map((_, i) => (numeric.has(i) ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.map((c, i) => (i === 1 && c ? `\`${c}\`` : escape(c))).join(" | ")} |`),
  ].join("\n");
}

/** The plain table and its notes. */
export function formatTable(report: Report): string {
  const { header, groups } = tableRows(report);
  return [alignedTable(header, groups, NUMERIC), "", ...detailNotes(report), ...readingNotes(report)].join("\n");
}

/** Failed budgets, unexpected answers, first-load JS. */
function detailNotes(report: Report): string[] {
  const notes: string[] = [];
  for (const s of report.scenarios) {
    if (s.pass === false) notes.push(`FAIL ${s.name}: ${s.failures.join("; ")}`);
    const other = Object.entries(s.statusCodes).filter(([code]) => !code.startsWith("2"));
    if (other.length || s.timeouts || s.mismatches) {
      const parts = other.map(
        ([code, n]) => `${n}× ${code}${s.expectedStatuses.includes(Number(code)) ? " (expected)" : ""}`,
      );
      if (s.timeouts) parts.push(`${s.timeouts} timeouts`);
      if (s.mismatches) parts.push(`${s.mismatches} wrong bodies`);
      notes.push(`     ${s.name}: ${parts.join(", ")}`);
    }
  }
  for (const js of report.firstLoadJs) {
    notes.push(
      `${js.pass ? "pass" : "FAIL"} first-load JS ${js.path}: ${fmt(js.totalKb, 1)} KB gzip (${js.scripts} scripts ${fmt(js.externalKb, 1)} KB + inline ${fmt(js.inlineKb, 1)} KB; budget ≤ ${FIRST_LOAD_JS_BUDGET_KB} KB)`,
    );
  }
  for (const lh of report.lighthouse ?? []) notes.push(lighthouseNote(lh));
  if (!report.memoryBudget.pass)
    notes.push(`FAIL server memory: ${report.maxRssMb} MB > ${report.memoryBudget.maxRssMb} MB`);
  notes.push(...heapHeadroomNotes(report.scenarios));
  return notes;
}

const score = (n: number | null) => (n === null ? "—" : n.toFixed(2));

/** One page's Lighthouse scores against the targets, and what kept them below. */
export function lighthouseNote(lh: LighthouseResult): string {
  const t = LIGHTHOUSE_TARGETS;
  return (
    `${lh.pass ? "pass" : "FAIL"} Lighthouse (mobile) ${lh.path}: performance ${score(lh.performance)}, accessibility ${score(lh.accessibility)}, best practices ${score(lh.bestPractices)}` +
    ` (targets ≥ ${t.performance}, ${t.accessibility}, ${t.bestPractices})${lh.findings.length ? `; below full marks: ${lh.findings.join(", ")}` : ""}`
  );
}

/** Each scenario's req/s as a share of the static floor page's (the pages served from the page cache aim at ≥ 0.5). */
function staticShares(report: Report): string | null {
  const stat = report.floor.scenarios.find((s) => s.name !== report.floor.reference);
  if (!stat || !stat.requestsPerSec) return null;
  const shares = report.scenarios.map((s) => `${s.name} ${(s.requestsPerSec / stat.requestsPerSec).toFixed(2)}`);
  return `req/s ÷ ${stat.name}: ${shares.join(", ")}`;
}

/** The Markdown section of docs/performance.md for this run. */
export function formatMarkdown(report: Report, command: string): string {
  const { header, groups } = tableRows(report);
  return [
    `\`${command}\`, ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC${report.commit ? `, commit ${report.commit}` : ""}:`,
    "",
    markdownTable(header, groups, NUMERIC),
    "",
    ...[...detailNotes(report), ...readingNotes(report)].map((n) => `- ${n.trim()}`),
  ].join("\n");
}

function readingNotes(report: Report): string[] {
  const notes: string[] = [];
  const shares = staticShares(report);
  if (shares) notes.push(shares);
  notes.push(
    `floor: bench/floor/ (a static page, and a page rendered per request behind a proxy.ts that sets a CSP nonce) on the same Next.js and Node; ratios divide by "${report.floor.reference}": req/s ÷ floor below 1 = slower than the floor, CPU ÷ floor = times the floor's CPU per request`,
    `idle RSS after start ${fmt(report.idleRssMb, 1)} MB (floor ${fmt(report.floor.idleRssMb, 1)} MB); RSS = VmRSS summed over the server's process tree, max of 250 ms samples`,
    "CPU ms/req = the server tree's CPU time (user + system) over the measured run / responses; a server whose work is all on one thread answers N connections in about N × this",
    report.settings.backend === "postgres"
      ? "database: PostgreSQL (--postgres), a separate server: RSS and CPU ms/req count the Node server only"
      : "database: embedded PGlite, inside the server process",
    `${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memory}, Node ${report.machine.node}` +
      (report.commit ? `, commit ${report.commit}` : "") +
      (report.settings.syntheticCases
        ? `; database seeded with ${fmt(report.settings.syntheticCases)} synthetic cases`
        : ""),
  );
  return notes;
}

export function writeJson(file: string, report: unknown): void {
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
}
