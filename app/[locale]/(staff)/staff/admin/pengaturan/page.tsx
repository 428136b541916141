import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { AdminNav, NotAllowed } from "@/components/staff/admin/admin-nav.tsx";
import { SettingsAdmin } from "@/components/staff/admin/settings-admin.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { EmailSettingsAdmin } from "@/components/staff/notifications/email-settings-admin.tsx";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin.settings" });
  return { title: `${t("title")} · Lentera` };
}

async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  if (!me.roles.includes("ADMIN")) return <NotAllowed roles={me.roles} message="admin" />;
  const t = await getTranslations("admin.settings");
  return (
    <section aria-labelledby="settings-title">
      <AdminNav roles={me.roles} current="settings" />
      <h1 id="settings-title" className="text-2xl font-bold text-brand-900">
        {t("title")}
      </h1>
      <p className="mt-2 mb-6 text-slate-700">{t("lead")}</p>
      <SettingsAdmin />
      <EmailSettingsAdmin />
    </section>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(SettingsPage);
