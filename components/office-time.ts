"use client";

/** Office dates and times in client components, in the zone the i18n provider carries (the setting). */
import { useLocale, useTimeZone } from "next-intl";
import { formatOfficeDate, officeInputValue, officeInstant } from "@/lib/zoned-time.ts";

/** The office's time zone: the setting, handed down by the i18n provider (i18n/request.ts). */
export function useOfficeTimeZone(): string {
  const timeZone = useTimeZone();
  if (!timeZone) throw new Error("the i18n provider carries no time zone");
  return timeZone;
}

/** Dates as the office reads them: its time zone, the page's language. */
export function useOfficeDate() {
  const locale = useLocale();
  const timeZone = useOfficeTimeZone();
  return (d: Date | string, withTime = true) => formatOfficeDate(d, locale, timeZone, withTime);
}

/** `<input type="datetime-local">` values on the office's wall clock, both ways. */
export function useOfficeClock() {
  const timeZone = useOfficeTimeZone();
  return {
    inputValue: (at: Date) => officeInputValue(at, timeZone),
    instant: (value: string) => officeInstant(value, timeZone),
  };
}
