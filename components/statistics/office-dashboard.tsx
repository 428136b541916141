/**
 * The office dashboard, rendered on the server from `statistics.office` (no client code):
 * the public breakdowns without suppression, open and overdue cases by stage, and SOP
 * compliance per step for the chosen period.
 *
 * Its markup is built once per figures and language and kept with the figures
 * (office-dashboard-html.ts), not rendered by React on every request.
 */
import { hasLocale } from "next-intl";
import { getTimeZone } from "next-intl/server";
import { routing } from "@/i18n/routing.ts";
import type { OfficePeriod, OfficeStatistics } from "@/server/domain/statistics/office-statistics.ts";
import { keptOfficeDashboardHtml } from "./office-dashboard-html.ts";

export async function OfficeDashboard({
  stats,
  period,
  invalid,
  locale,
}: {
  stats: OfficeStatistics;
  period: OfficePeriod;
  invalid: boolean;
  locale: string;
}) {
  const lang = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  const markup = keptOfficeDashboardHtml({ stats, period, invalid, locale: lang, timeZone: await getTimeZone() });
  // The markup is built from escaped values only (components/ui/html.ts).
  return <div className="space-y-8" dangerouslySetInnerHTML={{ __html: markup }} />;
}
