import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { AdminNav, NotAllowed } from "@/components/staff/admin/admin-nav.tsx";
import { AuditLog } from "@/components/staff/admin/audit-log.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auditLog" });
  return { title: `${t("title")} · Lentera` };
}

/** The audit trail: every entry for the Pengawas; sign-ins, accounts and settings for the Admin. */
async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  const isPengawas = me.roles.includes("PENGAWAS");
  if (!isPengawas && !me.roles.includes("ADMIN")) return <NotAllowed roles={me.roles} message="audit" />;
  const t = await getTranslations("auditLog");
  return (
    <section aria-labelledby="audit-title">
      <AdminNav roles={me.roles} current="audit" />
      <h1 id="audit-title" className="text-2xl font-bold text-brand-900">
        {t("title")}
      </h1>
      <p className="mt-2 mb-6 text-slate-700">{t("lead")}</p>
      <AuditLog isPengawas={isPengawas} />
    </section>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(AuditPage);
