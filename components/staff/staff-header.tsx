import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { LocaleSwitch } from "@/components/portal/locale-switch.tsx";

/**
 * The bar above every staff page: the workspace's name (home is the staff home, not the
 * public portal) and the language switch. `actions` is the slot for controls that belong
 * to the signed-in user's workspace (such as notifications); it sits before the switch.
 */
export async function StaffHeader({ locale, actions }: { locale: string; actions?: ReactNode }) {
  const t = await getTranslations("staffHeader");
  const nav = await getTranslations("nav");
  return (
    <header className="border-b-4 border-amber-accent bg-brand-900 text-white" data-testid="staff-header">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/staff" className="flex flex-col leading-tight no-underline">
          <span className="text-lg font-bold tracking-wide">Lentera</span>
          <span className="text-xs text-brand-100">{t("workspace")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {actions}
          <LocaleSwitch locale={locale} label={nav("switchLabel")} text={nav("switchTo")} />
        </div>
      </div>
    </header>
  );
}
