"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatOfficeDate } from "@/components/portal/format-date.ts";
import { formatDuration } from "./cases/duration.ts";

/** Display names of workflow values and office dates/durations, in the reader's language. */
export function useLabels() {
  const ws = useTranslations("workspace");
  const home = useTranslations("home");
  return {
    status: (s: string) => ws(`status.${s}` as never),
    channel: (c: string) => ws(`channel.${c}` as never),
    category: (c: string) => home(`categories.${c}` as never),
    duration: (minutes: number) => formatDuration(minutes, { hours: (n) => ws("duration.hours", { n }), minutes: (n) => ws("duration.minutes", { n }) }),
  };
}

/** Dates as the office reads them: Asia/Jakarta, the page's language. */
export function useOfficeDate() {
  const locale = useLocale();
  return (d: Date | string, withTime = true) => formatOfficeDate(d, locale, withTime);
}
