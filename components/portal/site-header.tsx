import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { LocaleSwitch } from "./locale-switch.tsx";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations("nav");
  const office = await getTranslations("office");
  const links = [
    { href: "/lapor", label: t("report") },
    { href: "/lacak", label: t("track") },
    { href: "/statistik", label: t("statistics") },
  ] as const;
  return (
    <header className="border-b-4 border-amber-accent bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex flex-col leading-tight no-underline">
          <span className="text-lg font-bold tracking-wide">Lentera</span>
          <span className="text-xs text-brand-100">{office("government")} · DPMPTSP</span>
        </Link>
        <nav aria-label={t("home")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="underline-offset-4 hover:underline">
              {l.label}
            </Link>
          ))}
          <LocaleSwitch locale={locale} label={t("switchLabel")} text={t("switchTo")} />
        </nav>
      </div>
    </header>
  );
}
