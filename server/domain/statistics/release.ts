/**
 * When public figures are published. The unit is the office-calendar month: a month is
 * published only once it has closed and RELEASE_LAG_DAYS more days have passed (its cut-off).
 * Everything published about a month is computed as known at its cut-off and never changes
 * afterwards, so:
 * - nothing published moves while a month is open: a report that arrives, or a case that
 *   moves on, changes no published figure that day;
 * - the lag lets offline reports received in the month be entered before it is published;
 *   a report entered later still is counted in a later, unpublished month (see
 *   countingInstant), never in one already published.
 */
import { zonedInstant, zonedParts } from "../office-time.ts";

export const RELEASE_LAG_DAYS = 15;
const DAY = 86_400_000;

/** "YYYY-MM" of the month after the given one. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The first instant of a "YYYY-MM" month in the office's time zone. */
export const monthStart = (month: string, timeZone: string): Date => zonedInstant(`${month}-01`, 0, timeZone);

/** The instant a month's figures are fixed and published: its end plus the lag, at midnight. */
export function monthCutoff(month: string, timeZone: string): Date {
  const end = nextMonth(month);
  const [y, m] = end.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m - 1, 1) + RELEASE_LAG_DAYS * DAY).toISOString().slice(0, 10);
  return zonedInstant(day, 0, timeZone);
}

/** The months of `year` published at `now`, in order. */
export function publishedMonths(year: number, now: Date, timeZone: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return months.filter((m) => monthCutoff(m, timeZone).getTime() <= now.getTime());
}

/** The latest published month at `now` ("YYYY-MM"). */
export function lastPublishedMonth(now: Date, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  let month = `${p.year}-${String(p.month).padStart(2, "0")}`;
  // The current month is open; step back until a month's cut-off has passed.
  do {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  } while (monthCutoff(month, timeZone).getTime() > now.getTime());
  return month;
}

/**
 * The instant a case is counted at: when it was received, unless it was entered more than
 * the lag later (an offline report entered late); then it is counted RELEASE_LAG_DAYS before
 * it was entered. Either way the case was entered before the cut-off of the month it is
 * counted in (entered − lag < end of that month), so it never lands in a published month.
 * The same rule is written in SQL in published-aggregates.ts.
 */
export function countingInstant(receivedAt: Date, submittedAt: Date): Date {
  return new Date(Math.max(receivedAt.getTime(), submittedAt.getTime() - RELEASE_LAG_DAYS * DAY));
}
