/**
 * The growth check (`npm run bench -- --scale 1000,10000,100000`): the same staff and tracking
 * scenarios on databases of growing size, and how each one's cost grows with the number of
 * cases. Pure: measurements in, tables out.
 */
import type { Measurement } from "./measure.ts";
import { formatRatio } from "./ratios.ts";
import { alignedTable, fmt, markdownTable, measuredCells } from "./report.ts";

/**
 * A page that shows a fixed number of rows may cost a little more on a bigger database (an
 * index one level deeper), never in proportion to it. More than this factor of CPU per request
 * from the smallest to the largest database is reported as growth.
 */
export const MAX_GROWTH = 2;

export interface ScaleRow {
  cases: number;
  measurement: Measurement;
}

export interface ScaleReport {
  generatedAt: string;
  commit: string | null;
  backend: "pglite" | "postgres";
  counts: number[];
  rows: ScaleRow[];
  floor: Measurement;
  machine: string;
}

export interface Growth {
  name: string;
  path: string;
  /** CPU ms per request, largest database ÷ smallest. */
  cpuFactor: number | null;
  /** Added CPU ms per request for each tenfold of cases (least squares over log10 cases). */
  cpuMsPerDecade: number;
  /** The same for the p95 latency. */
  p95MsPerDecade: number;
  grows: boolean;
}

/** The scenario's name without the usual run's case count ("… (100 000 cases)"): here the count is a column. */
export const scenarioLabel = (name: string) => name.replace(/ \([\d  ,.]+ cases\)$/, "");

/** Least-squares slope of y over log10(cases). */
function slopePerDecade(points: { cases: number; y: number }[]): number {
  const xs = points.map((p) => Math.log10(p.cases));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : points.reduce((a, p, i) => a + (xs[i]! - mx) * (p.y - my), 0) / den;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Per scenario (in first-seen order): how its cost grows over the case counts measured. */
export function growth(rows: readonly ScaleRow[]): Growth[] {
  const names = [...new Set(rows.map((r) => r.measurement.name))];
  return names.map((name) => {
    const mine = rows
      .filter((r) => r.measurement.name === name && r.measurement.requestsPerSec > 0)
      .sort((a, b) => a.cases - b.cases);
    const first = mine[0]?.measurement.cpuMsPerRequest ?? 0;
    const last = mine.at(-1)?.measurement.cpuMsPerRequest ?? 0;
    const cpuFactor = mine.length >= 2 && first > 0 ? round(last / first) : null;
    return {
      name: scenarioLabel(name),
      path: mine[0]?.measurement.path ?? "",
      cpuFactor,
      cpuMsPerDecade: round(slopePerDecade(mine.map((r) => ({ cases: r.cases, y: r.measurement.cpuMsPerRequest })))),
      p95MsPerDecade: round(slopePerDecade(mine.map((r) => ({ cases: r.cases, y: r.measurement.latencyMs.p95 }))), 1),
      grows: cpuFactor !== null && cpuFactor > MAX_GROWTH,
    };
  });
}

const ratio = (a: number, b: number) => (b > 0 && a > 0 ? Number((a / b).toPrecision(3)) : null);

const HEADER = [
  "scenario",
  "path",
  "cases",
  "req/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "errors",
  "RSS MB",
  "CPU ms/req",
  "p95 ÷ floor",
  "CPU ÷ floor",
];
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
const GROWTH_NUMERIC = new Set([2, 3, 4]);
const GROWTH_HEADER = [
  "scenario",
  "path",
  "CPU ms/req added per 10× cases",
  "p95 ms added per 10× cases",
  "CPU ms/req, largest ÷ smallest",
  "result",
];

function groups(report: ScaleReport): string[][][] {
  const f = report.floor;
  const floor = [[f.name, f.path, "—", ...measuredCells(f), "1.00×", "1.00×"]];
  const names = [...new Set(report.rows.map((r) => r.measurement.name))];
  const scenarios = names.map((name) =>
    report.rows
      .filter((r) => r.measurement.name === name)
      .map(({ cases, measurement: m }) => [
        scenarioLabel(m.name),
        m.path,
        fmt(cases),
        ...measuredCells(m),
        formatRatio(ratio(m.latencyMs.p95, f.latencyMs.p95)),
        formatRatio(m.requestsPerSec > 0 ? ratio(m.cpuMsPerRequest, f.cpuMsPerRequest) : null),
      ]),
  );
  return [floor, ...scenarios];
}

function growthRows(report: ScaleReport): string[][] {
  const [smallest, largest] = [fmt(report.counts[0]!), fmt(report.counts.at(-1)!)];
  return growth(report.rows).map((g) => [
    g.name,
    g.path,
    fmt(g.cpuMsPerDecade, 2),
    fmt(g.p95MsPerDecade, 1),
    g.cpuFactor === null ? "—" : `${g.cpuFactor.toFixed(2)}×`,
    g.cpuFactor === null
      ? "no answers"
      : g.grows
        ? `FAIL: grows (more than ${MAX_GROWTH}× from ${smallest} to ${largest})`
        : "flat",
  ]);
}

function notes(report: ScaleReport): string[] {
  return [
    `each case count on a fresh ${report.backend === "postgres" ? "PostgreSQL scratch database" : "embedded PGlite database"} seeded with that many synthetic cases (npm run db:seed:synthetic), its own server, each scenario after its warm-up`,
    `"added per 10× cases" is the least-squares slope over log10(cases): 0 = flat; a page whose cost grew with the number of cases would add ten times more at each step`,
    `p95 ÷ floor and CPU ÷ floor divide by "${report.floor.name}" of the same run; ${report.machine}${report.commit ? `, commit ${report.commit}` : ""}`,
  ];
}

export function formatScaleTable(report: ScaleReport): string {
  return [
    alignedTable(HEADER, groups(report), NUMERIC),
    "",
    alignedTable(GROWTH_HEADER, [growthRows(report)], GROWTH_NUMERIC),
    "",
    ...notes(report),
  ].join("\n");
}

export function formatScaleMarkdown(report: ScaleReport, command: string): string {
  return [
    `\`${command}\`, ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC:`,
    "",
    markdownTable(HEADER, groups(report), NUMERIC),
    "",
    markdownTable(GROWTH_HEADER, [growthRows(report)], GROWTH_NUMERIC),
    "",
    ...notes(report).map((n) => `- ${n}`),
  ].join("\n");
}
