/** Dates as the office reads them: its own time zone, the reader's language. */
export function formatOfficeDate(value: string | Date, locale: string, withTime = true): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Asia/Jakarta",
  }).format(typeof value === "string" ? new Date(value) : value);
}
