/**
 * The public statistics as open data (CSV and JSON): the very numbers the page shows, with
 * the same protection, plus the licence, the generation time and the rule. Labels come in the
 * reader's language; keys (enum codes, YYYY-MM months) stay stable for machines.
 *
 * Schema. JSON: { dataset, year, generatedAt, licence, publishedThrough ("YYYY-MM": figures as
 * known at that month's cut-off), lagDays, publishedMonths ["YYYY-MM"…], protection { small:
 * "< 3", smallRange [0, 2], maxNoisePerMonth 2, notPublished: null, rule }, officeDays, perYear [{year,
 * received}], received, tables
 * { byMonth|byCategory|byChannel|byStatus|concluded: { title, total, cells [{key, label,
 * value}] } }, recording/response { medianOfficeDays }, withinStandardPercent }. A value is a
 * whole number ≥ 3, "< 3" (0, 1 or 2) or null (not published). CSV: the same in long format,
 * one figure per line (table, key, label, value), "-" for null, metadata lines first.
 * Counts are perturbed, so a table's cells need not add up to its total.
 */
import { csvDocument } from "../csv.ts";
import type { PublicStatistics } from "./public-statistics.ts";
import { MAX_NOISE, SHOWN_FROM } from "./cell-key.ts";
import { SMALL, type ProtectedTable, type Shown } from "./suppression.ts";

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

/** A figure not published in the CSV (null in JSON). */
export const WITHHELD_CSV = "-";
const cell = (shown: Shown | null): string => (shown === null ? WITHHELD_CSV : String(shown));

function tableJson(name: TableName, t: ProtectedTable, labels: StatisticsLabels) {
  return {
    title: labels.table(name),
    total: t.total,
    cells: t.cells.map((c) => ({ key: c.key, label: labels.key(name, c.key), value: c.shown })),
  };
}

export function statisticsJson(stats: PublicStatistics, labels: StatisticsLabels) {
  return {
    dataset: labels.title,
    year: stats.year,
    generatedAt: stats.generatedAt.toISOString(),
    licence: stats.licence,
    publishedThrough: stats.publishedThrough,
    lagDays: stats.lagDays,
    publishedMonths: stats.months,
    protection: {
      small: SMALL,
      smallRange: [0, SHOWN_FROM - 1],
      maxNoisePerMonth: MAX_NOISE,
      notPublished: null,
      rule: labels.rule,
    },
    officeDays: labels.officeDays,
    perYear: stats.perYear.map((y) => ({ year: Number(y.key), received: y.shown })),
    received: stats.received,
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, tableJson(name, stats[name], labels)])),
    recording: { medianOfficeDays: stats.recording.officeDays },
    response: { medianOfficeDays: stats.response.officeDays },
    withinStandardPercent: stats.withinStandardPercent,
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
  meta("published_through", stats.publishedThrough);
  meta("lag_days", String(stats.lagDays));
  meta("rule", labels.rule);
  meta("office_days", labels.officeDays);
  for (const y of stats.perYear) lines.push(["perYear", y.key, y.key, cell(y.shown)]);
  lines.push(["received", String(stats.year), String(stats.year), cell(stats.received)]);
  for (const name of TABLE_NAMES) {
    const t = stats[name];
    for (const c of t.cells) lines.push([name, c.key, labels.key(name, c.key), cell(c.shown)]);
    lines.push([name, "TOTAL", labels.table(name), cell(t.total)]);
  }
  const figure = (name: string, key: string, value: number | null) =>
    lines.push([name, key, "", value === null ? WITHHELD_CSV : String(value)]);
  figure("recording", "median_office_days", stats.recording.officeDays);
  figure("response", "median_office_days", stats.response.officeDays);
  figure("withinStandard", "percent", stats.withinStandardPercent);
  return csvDocument(lines);
}
