"use client";

import { useTranslations } from "next-intl";
import { formatDuration } from "./cases/duration.ts";

/** Display names of workflow values and durations, in the reader's language. */
export function useLabels() {
  const ws = useTranslations("workspace");
  const home = useTranslations("home");
  return {
    status: (s: string) => ws(`status.${s}` as never),
    channel: (c: string) => ws(`channel.${c}` as never),
    category: (c: string) => home(`categories.${c}` as never),
    duration: (minutes: number) =>
      formatDuration(minutes, {
        hours: (n) => ws("duration.hours", { n }),
        minutes: (n) => ws("duration.minutes", { n }),
      }),
  };
}

// Office dates live with the portal's in components/office-time.ts; case pages import them from here.
export { useOfficeClock, useOfficeDate } from "@/components/office-time.ts";
