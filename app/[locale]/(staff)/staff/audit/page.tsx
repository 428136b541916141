import { getTranslations, setRequestLocale } from "next-intl/server";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { AdminNav, NotAllowed } from "@/components/staff/admin/admin-nav.tsx";
import { AuditLog } from "@/components/staff/admin/audit-log.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { PageSection } from "@/components/ui/page-section.tsx";
import { may } from "@/server/domain/policy/policy.ts";

export const generateMetadata = titleFrom("auditLog");

/** The audit trail: every entry for the Pengawas; sign-ins, accounts and settings for the Admin. */
async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  if (!may(me.roles, "readAuditTrail")) return <NotAllowed roles={me.roles} message="audit" />;
  const t = await getTranslations("auditLog");
  return (
    <PageSection
      id="audit-title"
      title={t("title")}
      lead={t("lead")}
      leadClassName="mb-6"
      before={<AdminNav roles={me.roles} current="audit" />}
    >
      <AuditLog isPengawas={may(me.roles, "readWholeAuditTrail")} />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(AuditPage);
