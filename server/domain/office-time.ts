/**
 * Office-hours arithmetic for SLA clocks: standard times and commitments
 * count only the office's open hours, in its time zone, skipping holidays.
 */
import { zonedInstant, zonedParts } from "../../lib/zoned-time.ts";

// The wall-clock helpers live with the formatters (client-safe); the calendar code here uses them.
export { zonedInstant, zonedParts };

export interface OfficeCalendar {
  timeZone: string;
  /** ISO weekday "1" (Monday) … "7" → ["08:00", "16:00"]; absent = closed. */
  days: Partial<Record<string, readonly [string, string]>>;
  /** Closed dates, YYYY-MM-DD in the office time zone. */
  holidays: readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Ten years of closed days would mean a broken calendar; stop instead of looping forever. */
const MAX_DAYS = 3660;

function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY).toISOString().slice(0, 10);
}

function isoWeekday(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return String(((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The office's open interval on a date, or null when closed. */
function openInterval(cal: OfficeCalendar, date: string): { open: Date; close: Date } | null {
  const hours = cal.days[isoWeekday(date)];
  if (!hours || cal.holidays.includes(date)) return null;
  return {
    open: zonedInstant(date, toMinutes(hours[0]), cal.timeZone),
    close: zonedInstant(date, toMinutes(hours[1]), cal.timeZone),
  };
}

function* officeDays(cal: OfficeCalendar, from: Date) {
  let date = zonedParts(from, cal.timeZone).date;
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    const interval = openInterval(cal, date);
    if (interval) yield { date, ...interval };
  }
  throw new Error("office calendar has no open day in ten years");
}

/** The instant `minutes` office minutes after `start`. */
export function addOfficeMinutes(start: Date, minutes: number, cal: OfficeCalendar): Date {
  let left = minutes;
  for (const day of officeDays(cal, start)) {
    const from = Math.max(start.getTime(), day.open.getTime());
    const available = (day.close.getTime() - from) / MINUTE;
    if (available <= 0) continue;
    if (left <= available) return new Date(from + left * MINUTE);
    left -= available;
  }
  throw new Error("unreachable");
}

/** Office minutes between two instants (0 when `to` is not after `from`). */
export function officeMinutesBetween(from: Date, to: Date, cal: OfficeCalendar): number {
  let total = 0;
  for (const day of officeDays(cal, from)) {
    if (day.open >= to) break;
    const start = Math.max(from.getTime(), day.open.getTime());
    const end = Math.min(to.getTime(), day.close.getTime());
    if (end > start) total += (end - start) / MINUTE;
  }
  return Math.floor(total);
}

/**
 * `days` office days after `start`: the same time of day on the n-th following office day,
 * counted from the first open moment at or after `start` (a report received on Saturday is
 * due one office day after Monday's opening).
 */
export function addOfficeDays(start: Date, days: number, cal: OfficeCalendar): Date {
  const first = addOfficeMinutes(start, 0, cal);
  const timeOfDay = zonedParts(first, cal.timeZone).minutes;
  let n = 0;
  for (const day of officeDays(cal, first)) {
    if (n++ < days) continue;
    const at = zonedInstant(day.date, timeOfDay, cal.timeZone);
    return new Date(Math.min(Math.max(at.getTime(), day.open.getTime()), day.close.getTime()));
  }
  throw new Error("unreachable");
}
