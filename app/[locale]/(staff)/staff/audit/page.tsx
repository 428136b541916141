import { openStaffPage } from "@/components/staff/staff-page.ts";
import { AdminPage } from "@/components/staff/admin/admin-page.tsx";
import { AuditLog } from "@/components/staff/admin/audit-log.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { may } from "@/server/domain/policy/policy.ts";

export const generateMetadata = titleFrom("auditLog");

/** The audit trail: every entry for the Pengawas; sign-ins, accounts and settings for the Admin. */
async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { me } = await openStaffPage(params);
  return (
    <AdminPage me={me} area="audit">
      <AuditLog isPengawas={may(me.roles, "readWholeAuditTrail")} />
    </AdminPage>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(AuditPage));
