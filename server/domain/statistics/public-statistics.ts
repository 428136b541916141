/**
 * The public transparency statistics of one year (docs/statistics.md), under statistical disclosure
 * control: only published months (release.ts: closed, plus a lag) count, each frozen at its
 * cut-off; every monthly count is perturbed by its cell key (cell-key.ts) and shown as "< 3"
 * under 3; year figures are sums of the perturbed months, so they never move either; medians
 * and the on-time share are published only when stable (stable-figures.ts). The page,
 * data.csv and data.json all publish exactly this object, so they can never disagree.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db.ts";
import { loadOfficeCalendar } from "../sla.ts";
import { zonedParts } from "../office-time.ts";
import type { ArchiveReason, CaseStatus, Category, Channel } from "../../generated/prisma/enums.ts";
import { ARCHIVE_REASON_ORDER, officeDayMinutes, TIMED_STEPS } from "./aggregates.ts";
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../cases/display-order.ts";
import { cached } from "./cache.ts";
import { env } from "../../env.ts";
import { cellSalt, perturb, perturbSum, showPerturbed, type SaltedCell } from "./cell-key.ts";
import {
  firstYear,
  publishedMonthCells,
  publishedTimings,
  type Dimension,
  type MonthCells,
} from "./published-aggregates.ts";
import { lastPublishedMonth, monthCutoff, nextMonth, publishedMonths, RELEASE_LAG_DAYS } from "./release.ts";
import { stableMedianDays, stableShare } from "./stable-figures.ts";
import type { ProtectedTable, Shown } from "./suppression.ts";

export const LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

/** Years a reader may ask for (the ?tahun= of the page and the downloads). */
export const yearInput = z.coerce.number().int().min(2000).max(2100);

export interface PublishedMedian {
  /** Office days, one decimal; null when not stable (too few cases, or one case could move it). */
  officeDays: number | null;
}

export interface PublicStatistics {
  year: number;
  /** Years with reports, and the current one, newest first. */
  years: number[];
  generatedAt: Date;
  licence: typeof LICENCE;
  /** Days after a month closes before it is published. */
  lagDays: number;
  /** The latest published month of any year ("YYYY-MM"): the figures are as known at its cut-off. */
  publishedThrough: string;
  /** That month's cut-off. */
  publishedThroughCutoff: Date;
  /** The published months of this year ("YYYY-MM"); the others read null ("not yet published"). */
  months: string[];
  /** Reports received per year: sums of the year's published months (no grand total across years). */
  perYear: { key: string; shown: Shown }[];
  received: Shown;
  byMonth: ProtectedTable<string>;
  byCategory: ProtectedTable<Category>;
  byChannel: ProtectedTable<Channel>;
  byStatus: ProtectedTable<CaseStatus>;
  concluded: ProtectedTable<ArchiveReason>;
  recording: PublishedMedian;
  response: PublishedMedian;
  /** Percent (multiple of 5) of the SOP steps completed in the published months within their standard time (null: not stable). */
  withinStandardPercent: number | null;
}

/** A monthly cell with its salt (cells without cases are there too, empty but salted). */
function salted(secret: Buffer, m: MonthCells, dim: Dimension | "total", key = ""): SaltedCell {
  const cell = dim === "total" ? m.total : (m.by[dim].get(key) ?? { count: 0, keySum: 0n });
  return { ...cell, salt: cellSalt(secret, `${m.month}|${dim}|${key}`) };
}

/** A year table: each key's cells summed over the published months, then perturbed as one sum. */
function yearTable<K extends string>(
  secret: Buffer,
  cells: MonthCells[],
  dim: Dimension,
  order: readonly K[],
  total: Shown | null,
): ProtectedTable<K> {
  return {
    withheld: false,
    total,
    cells: order.map((key) => ({
      key,
      shown: showPerturbed(perturbSum(cells.map((m) => salted(secret, m, dim, key)))),
    })),
  };
}

/** Computes the year's protected statistics (uncached). */
export async function computePublicStatistics(
  db: Db,
  year: number,
  now = new Date(),
  secret = statisticsSecret(),
): Promise<PublicStatistics> {
  const cal = await loadOfficeCalendar(db);
  const tz = cal.timeZone;
  const dayMinutes = officeDayMinutes(cal);
  const thisYear = zonedParts(now, tz).year;
  const months = publishedMonths(year, now, tz);
  const cells = await publishedMonthCells(db, months, tz);
  const timings = await publishedTimings(db, months, tz);

  // Per year: the perturbed monthly totals of every published month since the first case.
  const through = lastPublishedMonth(now, tz);
  const first = await firstYear(db);
  const perYear: { key: string; shown: Shown }[] = [];
  if (first) {
    const all: string[] = [];
    for (let m = `${zonedParts(first, tz).year}-01`; m <= through; m = nextMonth(m)) all.push(m);
    const totals = await publishedMonthCells(db, all, tz, false);
    for (let y = zonedParts(first, tz).year; y <= Number(through.slice(0, 4)); y++) {
      perYear.push({
        key: String(y),
        shown: showPerturbed(
          totals
            .filter((t) => t.month.startsWith(`${y}-`))
            .reduce((s, t) => s + perturb(salted(secret, t, "total")), 0),
        ),
      });
    }
  }
  const years = [...new Set([thisYear, year, ...perYear.map((y) => Number(y.key))])].sort((a, b) => b - a);

  const monthly = new Map(cells.map((m) => [m.month, perturb(salted(secret, m, "total"))]));
  const received = showPerturbed([...monthly.values()].reduce((a, b) => a + b, 0));
  const byStatus = yearTable(secret, cells, "status", STATUS_ORDER, received);
  const archived = byStatus.cells.find((c) => c.key === "ARCHIVED")!.shown;
  return {
    year,
    years,
    generatedAt: now,
    licence: LICENCE,
    lagDays: RELEASE_LAG_DAYS,
    publishedThrough: through,
    publishedThroughCutoff: monthCutoff(through, tz),
    months,
    perYear,
    received,
    byMonth: {
      withheld: false,
      total: received,
      cells: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`).map((key) => ({
        key,
        shown: monthly.has(key) ? showPerturbed(monthly.get(key)!) : null,
      })),
    },
    byCategory: yearTable(secret, cells, "category", CATEGORY_ORDER, received),
    byChannel: yearTable(secret, cells, "channel", CHANNEL_ORDER, received),
    byStatus,
    concluded: yearTable(secret, cells, "reason", ARCHIVE_REASON_ORDER, archived),
    recording: { officeDays: stableMedianDays(timings.recording, dayMinutes) },
    response: { officeDays: stableMedianDays(timings.response, dayMinutes) },
    withinStandardPercent: stableShare(timings.stepsWithin, timings.stepsDone, TIMED_STEPS.length),
  };
}

/** The salts' secret: derived from the server's tracking key, under its own label. */
function statisticsSecret(): Buffer {
  return createHmac("sha256", env().secrets.trackingKey).update("lentera/statistics/salt").digest();
}

/** The year's statistics, recomputed at most once a minute per server instance. */
export function publicStatistics(db: Db, year: number): Promise<PublicStatistics> {
  return cached(`public:${year}`, () => computePublicStatistics(db, year));
}
