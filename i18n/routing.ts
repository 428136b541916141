import { defineRouting } from "next-intl/routing";

// Indonesian at "/", English under "/en". The locale lives in the URL only: the portal
// must set no cookie before a tracking sign-in, so no locale cookie and no detection.
export const routing = defineRouting({
  locales: ["id", "en"],
  defaultLocale: "id",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** An app path in a locale: Indonesian unprefixed, others under "/<locale>". */
export function localePath(locale: string, path: string): string {
  return locale === routing.defaultLocale ? path : `/${locale}${path === "/" ? "" : path}`;
}

const LOCALE_PREFIX = new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`);

/** A request path without its locale prefix ("/en/lacak" → "/lacak", "/id" → "/"). */
export function withoutLocale(path: string): string {
  return path.replace(LOCALE_PREFIX, "") || "/";
}
