/**
 * When archived content falls due under the retention rule, and when the daily run is due.
 * Plain functions on instants and the office's wall clock, so tests can move the clock freely.
 */
import { zonedInstant, zonedParts } from "../office-time.ts";
import type { SettingValue } from "../settings.ts";

export type RetentionRule = SettingValue<"retention.archive">;

/**
 * The instant `years` and `months` after `archivedAt` on the office's calendar: archived on
 * 31 January with one month kept falls due at the end of 28 (or 29) February, the same wall-clock time.
 */
export function destructionDueAt(
  archivedAt: Date,
  rule: Pick<RetentionRule, "years" | "months">,
  timeZone: string,
): Date {
  const p = zonedParts(archivedAt, timeZone);
  const total = p.year * 12 + (p.month - 1) + rule.years * 12 + rule.months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(p.day, lastDay);
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const seconds = archivedAt.getTime() % 60_000;
  return new Date(zonedInstant(date, p.minutes, timeZone).getTime() + seconds);
}

/**
 * The latest archive instant whose content is due at `now`: every case archived at or before
 * it is due (the inverse of destructionDueAt, found by moving back the same number of months).
 */
export function archivedOnOrBefore(now: Date, rule: Pick<RetentionRule, "years" | "months">, timeZone: string): Date {
  return destructionDueAt(now, { years: -rule.years, months: -rule.months }, timeZone);
}

/** Minutes after midnight of an "HH:MM" time. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether the daily run is due: it is past `runAt` on the office's date and no run has been
 * made on that date yet (`lastRunDate`, an office date as YYYY-MM-DD, or null).
 */
export function dailyRunDue(
  now: Date,
  runAt: string,
  timeZone: string,
  lastRunDate: string | null,
): { due: boolean; officeDate: string } {
  const p = zonedParts(now, timeZone);
  return { due: p.minutes >= minutesOf(runAt) && lastRunDate !== p.date, officeDate: p.date };
}
