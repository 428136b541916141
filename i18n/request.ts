import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing.ts";

/**
 * Messages: the portal and shared texts in messages/<locale>.json, each staff area in its own
 * file (messages/<area>/<locale>.json) so areas can change independently. Top-level keys are
 * namespaces and must not repeat across files.
 */
const AREAS = ["auth", "admin", "cases", "statistics", "notifications"] as const;

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const parts = await Promise.all([import(`./messages/${locale}.json`), ...AREAS.map((area) => import(`./messages/${area}/${locale}.json`))]);
  return {
    locale,
    timeZone: "Asia/Jakarta",
    messages: Object.assign({}, ...parts.map((p: { default: Record<string, unknown> }) => p.default)),
  };
});
