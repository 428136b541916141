/**
 * The public transparency statistics of one year (DESIGN.md §7): the raw figures with the
 * small-number protection of suppression.ts applied. The page, data.csv and data.json all
 * publish exactly this object, so they can never disagree.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { loadOfficeCalendar } from "../sla.ts";
import { zonedParts } from "../office-time.ts";
import type { ArchiveReason, CaseStatus, Category, Channel } from "../../generated/prisma/enums.ts";
import { officeDayMinutes, periodStatistics, receivedPerYear, yearPeriod, type Median } from "./aggregates.ts";
import { cached } from "./cache.ts";
import { protectCount, protectMedian, protectShare, protectSubTable, protectTable, type ProtectedTable, type Shown } from "./suppression.ts";

export const LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

/** Years a reader may ask for (the ?tahun= of the page and the downloads). */
export const yearInput = z.coerce.number().int().min(2000).max(2100);

export interface PublishedMedian {
  /** Office days, one decimal; null when fewer than 3 cases stand behind it. */
  officeDays: number | null;
}

export interface PublicStatistics {
  year: number;
  /** Years with reports, and the current one, newest first. */
  years: number[];
  generatedAt: Date;
  licence: typeof LICENCE;
  /** Reports received per year (no grand total across years: each year's total stands alone). */
  perYear: { key: string; shown: Shown }[];
  received: Shown;
  byMonth: ProtectedTable<string>;
  byCategory: ProtectedTable<Category>;
  byChannel: ProtectedTable<Channel>;
  byStatus: ProtectedTable<CaseStatus>;
  concluded: ProtectedTable<ArchiveReason>;
  recording: PublishedMedian;
  response: PublishedMedian;
  /** Percent of the SOP steps completed in the year within their standard time (null: too few). */
  withinStandardPercent: number | null;
}

/** Minutes → office days (one decimal). */
export const toOfficeDays = (minutes: number | null, dayMinutes: number) => (minutes === null ? null : Math.round((minutes / dayMinutes) * 10) / 10);

function publishMedian(m: Median, dayMinutes: number): PublishedMedian {
  return { officeDays: toOfficeDays(protectMedian(m.medianMinutes, m.n), dayMinutes) };
}

/** Computes the year's protected statistics (uncached). */
export async function computePublicStatistics(db: Db, year: number, now = new Date()): Promise<PublicStatistics> {
  const cal = await loadOfficeCalendar(db);
  const dayMinutes = officeDayMinutes(cal);
  const raw = await periodStatistics(db, yearPeriod(year, cal.timeZone), cal.timeZone);
  const perYear = await receivedPerYear(db, cal.timeZone);
  const thisYear = zonedParts(now, cal.timeZone).year;
  const years = [...new Set([thisYear, year, ...perYear.map((y) => Number(y.key))])].sort((a, b) => b - a);
  const done = raw.steps.reduce((s, x) => s + x.done, 0);
  const within = raw.steps.reduce((s, x) => s + x.within, 0);
  const byStatus = protectTable(raw.byStatus);
  return {
    year,
    years,
    generatedAt: now,
    licence: LICENCE,
    perYear: perYear.map((y) => ({ key: y.key, shown: protectCount(y.count) })),
    received: protectCount(raw.received),
    byMonth: protectTable(raw.byMonth),
    byCategory: protectTable(raw.byCategory),
    byChannel: protectTable(raw.byChannel),
    byStatus,
    concluded: protectSubTable(byStatus.cells.find((c) => c.key === "ARCHIVED")!.shown, raw.concluded),
    recording: publishMedian(raw.recording, dayMinutes),
    response: publishMedian(raw.response, dayMinutes),
    withinStandardPercent: protectShare(within, done),
  };
}

/** The year's statistics, recomputed at most once a minute per server instance. */
export function publicStatistics(db: Db, year: number): Promise<PublicStatistics> {
  return cached(`public:${year}`, () => computePublicStatistics(db, year));
}
