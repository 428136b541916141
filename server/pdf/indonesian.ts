/**
 * Dates and numbers as Indonesian official letters write them: "28 November 2026", and the
 * Berita Acara's opening in words ("Jumat tanggal dua puluh tujuh bulan November tahun dua
 * ribu dua puluh enam"). Always in the office's time zone, never the server's.
 */
import { zonedParts } from "../domain/office-time.ts";

export const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;
/** Index 0 = Sunday, as Date.getUTCDay counts. */
export const WEEKDAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

const UNITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];

/** Terbilang: a whole number 0 ≤ n < 1 000 000 000 in Indonesian words. */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`cannot write ${n} in words`);
  const words = (x: number): string => {
    if (x < 12) return UNITS[x]!;
    if (x < 20) return `${UNITS[x - 10]} belas`;
    if (x < 100) return join(`${UNITS[Math.floor(x / 10)]} puluh`, x % 10);
    if (x < 200) return join("seratus", x - 100);
    if (x < 1000) return join(`${UNITS[Math.floor(x / 100)]} ratus`, x % 100);
    if (x < 2000) return join("seribu", x - 1000);
    if (x < 1e6) return join(`${words(Math.floor(x / 1000))} ribu`, x % 1000);
    return join(`${words(Math.floor(x / 1e6))} juta`, x % 1e6);
  };
  const join = (head: string, rest: number) => (rest === 0 ? head : `${head} ${words(rest)}`);
  return words(n);
}

function parts(at: Date, timeZone: string) {
  const p = zonedParts(at, timeZone);
  // Weekday of the office's calendar date (noon UTC of that date avoids any zone edge).
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day, 12)).getUTCDay();
  return { ...p, weekday };
}

/** "28 November 2026". */
export function indonesianDate(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "Sabtu, 28 November 2026". */
export function indonesianDayDate(at: Date, timeZone: string): string {
  return `${WEEKDAYS[parts(at, timeZone).weekday]}, ${indonesianDate(at, timeZone)}`;
}

/** "09.30 WIB" (Indonesian writes the time with a dot). */
export function indonesianTime(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  const hh = String(Math.floor(p.minutes / 60)).padStart(2, "0");
  const mm = String(p.minutes % 60).padStart(2, "0");
  return `${hh}.${mm} ${zoneAbbreviation(timeZone)}`;
}

/** "28 November 2026 pukul 09.30 WIB". */
export function indonesianDateTime(at: Date, timeZone: string): string {
  return `${indonesianDate(at, timeZone)} pukul ${indonesianTime(at, timeZone)}`;
}

/** WIB / WITA / WIT for the three Indonesian zones; the IANA name otherwise. */
export function zoneAbbreviation(timeZone: string): string {
  const zones: Record<string, string> = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
  };
  return zones[timeZone] ?? timeZone;
}

/** "Jumat tanggal dua puluh tujuh bulan November tahun dua ribu dua puluh enam". */
export function dateInWords(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${WEEKDAYS[p.weekday]} tanggal ${numberInWords(p.day)} bulan ${MONTHS[p.month - 1]} tahun ${numberInWords(p.year)}`;
}
