/**
 * Dates and times as the office reads them, in the time zone it is given (the `office.hours`
 * setting, passed in by the caller): pure functions with no server imports, so pages, client
 * components, letters and exports all format an instant the same way.
 */
const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  const date = `${p.year}-${p.month}-${p.day}`;
  return {
    date,
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

// The same few dates come back all the time (every SLA clock walks the office days ahead of
// now, two instants a day, each found by formatting twice), and a date, minute and zone always
// give the same instant: so each is worked out once. Bounded, as the keys keep coming.
const instants = new Map<string, number>();
const REMEMBERED = 4096;

/** The instant at which the wall clock in `timeZone` shows `date` + `minutes`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const key = `${timeZone} ${date} ${minutes}`;
  const known = instants.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  let guess = wall;
  // Two rounds settle the offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day) + p.minutes * MINUTE + (guess % MINUTE);
    guess += wall - shown;
  }
  if (instants.size >= REMEMBERED) instants.clear();
  instants.set(key, guess);
  return new Date(guess);
}

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * One formatter per language, zone and style, kept: making an Intl.DateTimeFormat loads its
 * locale data, which cost more than the rest of a date's formatting (a page with a dozen dates
 * paid it a dozen times per view). Two languages × two styles × the zones in use (the office's
 * one, an IANA name from the settings).
 */
const longFormatters = new Map<string, Intl.DateTimeFormat>();
function longFormatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const tag = locale === "id" ? "id-ID" : "en-GB";
  const key = `${tag} ${timeZone} ${withTime}`;
  let f = longFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: "long", ...(withTime ? { timeStyle: "short" } : {}), timeZone });
    longFormatters.set(key, f);
  }
  return f;
}

/** A long date (and by default the time) in the reader's language: "28 November 2026 pukul 09.30". */
export function formatOfficeDate(value: string | Date, locale: string, timeZone: string, withTime = true): string {
  return longFormatter(locale, timeZone, withTime).format(typeof value === "string" ? new Date(value) : value);
}

/** Date and time as a spreadsheet reads it: "2026-11-28 09:30". */
export function officeStamp(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.date} ${clock(p.minutes)}`;
}

/** The instant as an `<input type="datetime-local">` value in office time, e.g. "2026-11-28T09:30". */
export function officeInputValue(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.date}T${clock(p.minutes)}`;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** "2026-11-28T09:30" (office time) → the instant; null when malformed or impossible (2026-02-31, 24:00). */
export function officeInstant(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, date, hh, mm] = m as unknown as [string, string, string, string];
  if (Number(hh) > 23 || Number(mm) > 59) return null;
  const at = zonedInstant(date, Number(hh) * 60 + Number(mm), timeZone);
  // A rolled-over date (2026-02-31 → 3 March) does not read back as typed.
  return Number.isNaN(at.getTime()) || officeInputValue(at, timeZone) !== value.trim() ? null : at;
}

/** The office's current year (agenda books are numbered per year). */
export const officeYear = (at: Date, timeZone: string) => zonedParts(at, timeZone).year;

/** First year of the SOP (Nomor 503.7101.411/DPMPTSP-2024): the filters offer it onwards. */
export const FIRST_YEAR = 2024;

/** Years a filter offers, newest first. */
export function officeYears(now: Date, timeZone: string): number[] {
  const thisYear = officeYear(now, timeZone);
  return Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
}
