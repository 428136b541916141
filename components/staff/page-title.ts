import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A staff page's `generateMetadata`: the tab reads "<namespace>.title · Lentera" in the page's language. */
export function titleFrom(namespace: "admin.settings" | "admin.users" | "auditLog" | "notifications" | "officeStats") {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: `${t("title")} · Lentera` };
  };
}
