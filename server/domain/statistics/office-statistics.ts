/**
 * The office dashboard: the public figures without small-number protection,
 * for a chosen period, plus the open cases by stage, the overdue ones, and per SOP step the
 * median time taken against its standard (kepatuhan SOP). For Kepala Dinas, Pengawas and
 * Sekretariat only; each reader's figures leave out the cases hidden from them.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { caseViewer, type StaffRef } from "../cases/access.ts";
import { csvDocument } from "../csv.ts";
import { zonedInstant, zonedParts } from "../office-time.ts";
import { loadOfficeCalendar } from "../sla.ts";
import {
  officeDayMinutes,
  openCases,
  periodStatistics,
  receivedPerYear,
  type Count,
  type OpenFigures,
  type RawStatistics,
} from "./aggregates.ts";
import { cached } from "./cache.ts";

const isoDate = z.iso.date();
const DAY = 86_400_000;

/** A period of whole office days, both ends included, at most five years long. */
export const officePeriodInput = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ["to"], message: "Tanggal akhir harus sama atau sesudah tanggal awal." })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 5 * 366 * DAY, {
    path: ["to"],
    message: "Periode paling lama 5 tahun.",
  });
export type OfficePeriod = z.infer<typeof officePeriodInput>;

/** The current office year so far, the dashboard's default period. */
export function defaultOfficePeriod(now: Date, timeZone: string): OfficePeriod {
  const today = zonedParts(now, timeZone);
  return { from: `${today.year}-01-01`, to: today.date };
}

export interface OfficeStatistics {
  period: OfficePeriod;
  generatedAt: Date;
  /** Office minutes in an average open day (to show minutes as office days). */
  dayMinutes: number;
  figures: RawStatistics;
  perYear: Count<string>[];
  /** Now, not limited to the period. */
  open: OpenFigures[];
}

export async function computeOfficeStatistics(
  db: Db,
  staff: StaffRef,
  period: OfficePeriod,
  now = new Date(),
): Promise<OfficeStatistics> {
  const cal = await loadOfficeCalendar(db);
  const viewer = caseViewer(staff);
  const next = new Date(Date.parse(period.to) + DAY).toISOString().slice(0, 10);
  const range = { from: zonedInstant(period.from, 0, cal.timeZone), to: zonedInstant(next, 0, cal.timeZone) };
  const figures = await periodStatistics(db, range, cal.timeZone, viewer);
  const perYear = await receivedPerYear(db, cal.timeZone, viewer);
  const open = await openCases(db, now, viewer);
  return { period, generatedAt: now, dayMinutes: officeDayMinutes(cal), figures, perYear, open };
}

/**
 * Cached for a minute like the public figures; the key holds what changes the answer
 * (period and what the reader may see), so readers never share figures they should not.
 */
export function officeStatistics(db: Db, staff: StaffRef, period: OfficePeriod): Promise<OfficeStatistics> {
  const v = caseViewer(staff);
  return cached(`office:${period.from}:${period.to}:${v.id}:${v.hideLeadership}`, () =>
    computeOfficeStatistics(db, staff, period),
  );
}

export interface OfficeCsvLabels {
  header: [string, string, string, string];
  label: (table: string, key: string) => string;
}

/** The dashboard as one long CSV: table, key, label, value (plus steps' extra columns). */
export function officeStatisticsCsv(s: OfficeStatistics, labels: OfficeCsvLabels): string {
  const lines: string[][] = [[...labels.header, "within_standard", "median_office_minutes", "standard_office_minutes"]];
  const text = (x: number | null) => (x === null ? "" : String(x));
  const row = (table: string, key: string, value: number | null, extra: (number | null)[] = [null, null, null]) =>
    lines.push([table, key, labels.label(table, key), text(value), ...extra.map(text)]);
  lines.push(["meta", "period", "", `${s.period.from}/${s.period.to}`, "", "", ""]);
  lines.push(["meta", "generated_at", "", s.generatedAt.toISOString(), "", "", ""]);
  const f = s.figures;
  row("received", "TOTAL", f.received);
  for (const [table, counts] of [
    ["byMonth", f.byMonth],
    ["byCategory", f.byCategory],
    ["byChannel", f.byChannel],
    ["byStatus", f.byStatus],
    ["concluded", f.concluded],
    ["perYear", s.perYear],
  ] as const) {
    for (const c of counts) row(table, c.key, c.count);
  }
  for (const o of s.open) {
    row("open", o.status, o.open);
    row("overdue", o.status, o.overdue);
  }
  for (const [table, m] of [
    ["recording", f.recording],
    ["response", f.response],
  ] as const) {
    row(table, "cases", m.n);
    row(table, "median_office_minutes", m.medianMinutes);
  }
  for (const st of f.steps) row("steps", String(st.step), st.done, [st.within, st.medianMinutes, st.standardMinutes]);
  return csvDocument(lines);
}
