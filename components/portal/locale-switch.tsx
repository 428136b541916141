import { headers } from "next/headers";
import { localePath, routing, withoutLocale } from "@/i18n/routing.ts";

/** A plain link to the same page in the other locale (works without JavaScript, sets no cookie). */
export async function LocaleSwitch({ locale, label, text }: { locale: string; label: string; text: string }) {
  const path = (await headers()).get("x-lentera-path") ?? "/";
  // The proxy may see the internal "/id/…" path too (Next re-runs it after a rewrite).
  const bare = withoutLocale(path);
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;
  const href = localePath(other, bare);
  return (
    <a
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={label}
      className="rounded border border-white/60 px-2 py-1 text-xs font-semibold hover:bg-white/10"
    >
      {text}
    </a>
  );
}
