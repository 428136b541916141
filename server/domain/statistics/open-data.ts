/**
 * The public statistics as open data (CSV and JSON): the very numbers the page shows, with
 * the same protection, plus the licence, the generation time and the rule. Labels come in the
 * reader's language; keys (enum codes, YYYY-MM months) stay stable for machines.
 */
import { csvDocument } from "../csv.ts";
import type { PublicStatistics } from "./public-statistics.ts";
import { HIDDEN, SMALL, type ProtectedTable, type Shown } from "./suppression.ts";

/** Label of a row of a table, in the reader's language. */
export type StatisticsLabels = {
  title: string;
  rule: string;
  officeDays: string;
  table: (name: TableName) => string;
  key: (name: TableName, key: string) => string;
};

export const TABLE_NAMES = ["byMonth", "byCategory", "byChannel", "byStatus", "concluded"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A withheld cell in the CSV (null in JSON). */
export const WITHHELD_CSV = "-";
const cell = (shown: Shown | null): string => (shown === null ? WITHHELD_CSV : String(shown));

function tableJson(name: TableName, t: ProtectedTable, labels: StatisticsLabels) {
  return { title: labels.table(name), withheld: t.withheld, total: t.total, cells: t.cells.map((c) => ({ key: c.key, label: labels.key(name, c.key), value: c.shown })) };
}

export function statisticsJson(stats: PublicStatistics, labels: StatisticsLabels) {
  return {
    dataset: labels.title,
    year: stats.year,
    generatedAt: stats.generatedAt.toISOString(),
    licence: stats.licence,
    protection: { small: SMALL, hidden: HIDDEN, withheld: null, rule: labels.rule },
    officeDays: labels.officeDays,
    perYear: stats.perYear.map((y) => ({ year: Number(y.key), received: y.shown })),
    received: stats.received,
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, tableJson(name, stats[name], labels)])),
    recording: { cases: stats.recording.n, medianOfficeDays: stats.recording.officeDays },
    response: { cases: stats.response.n, medianOfficeDays: stats.response.officeDays },
    withinStandard: { steps: stats.withinStandard.whole, withinStandard: stats.withinStandard.part, percent: stats.withinStandard.percent },
  };
}

/** Long format: one figure per line (table, key, label, value), metadata first. */
export function statisticsCsv(stats: PublicStatistics, labels: StatisticsLabels): string {
  const lines: string[][] = [["table", "key", "label", "value"]];
  const meta = (key: string, value: string) => lines.push(["meta", key, "", value]);
  meta("dataset", labels.title);
  meta("year", String(stats.year));
  meta("generated_at", stats.generatedAt.toISOString());
  meta("licence", `${stats.licence.name} ${stats.licence.url}`);
  meta("rule", labels.rule);
  meta("office_days", labels.officeDays);
  for (const y of stats.perYear) lines.push(["perYear", y.key, y.key, cell(y.shown)]);
  lines.push(["received", String(stats.year), String(stats.year), cell(stats.received)]);
  for (const name of TABLE_NAMES) {
    const t = stats[name];
    for (const c of t.cells) lines.push([name, c.key, labels.key(name, c.key), cell(c.shown)]);
    lines.push([name, "TOTAL", labels.table(name), cell(t.total)]);
  }
  const median = (name: string, m: PublicStatistics["recording"]) => {
    lines.push([name, "cases", "", cell(m.n)]);
    lines.push([name, "median_office_days", "", m.officeDays === null ? WITHHELD_CSV : String(m.officeDays)]);
  };
  median("recording", stats.recording);
  median("response", stats.response);
  const w = stats.withinStandard;
  lines.push(["withinStandard", "steps", "", cell(w.whole)]);
  lines.push(["withinStandard", "within_standard", "", w.part === null ? WITHHELD_CSV : String(w.part)]);
  lines.push(["withinStandard", "percent", "", w.percent === null ? WITHHELD_CSV : String(w.percent)]);
  return csvDocument(lines);
}
