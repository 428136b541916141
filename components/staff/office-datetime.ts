/**
 * `<input type="datetime-local">` values are wall-clock times in the office's zone
 * (Asia/Jakarta, UTC+7 all year: Indonesia keeps no daylight saving time).
 */
export const OFFICE_TIME_ZONE = "Asia/Jakarta";
const OFFSET = "+07:00";
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-11-28T09:30" (office time) → the instant; null when malformed. */
export function officeInstant(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${OFFSET}`);
  if (Number.isNaN(d.getTime())) return null;
  // Reject rolled-over dates such as 2026-02-31.
  return officeInputValue(d) === value.trim() ? d : null;
}

/** The instant as a datetime-local value in office time, e.g. "2026-11-28T09:30". */
export function officeInputValue(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: OFFICE_TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The office's current year (agenda books are numbered per year). */
export const officeYear = (at: Date) => Number(officeInputValue(at).slice(0, 4));

/** First year of the SOP (Nomor 503.7101.411/DPMPTSP-2024): the filters offer it onwards. */
export const FIRST_YEAR = 2024;

/** Years a filter offers, newest first. */
export function officeYears(now: Date): number[] {
  const thisYear = officeYear(now);
  return Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
}
