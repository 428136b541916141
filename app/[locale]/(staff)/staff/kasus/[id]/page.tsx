import { notFound } from "next/navigation";
import { CaseWorkspace } from "@/components/staff/cases/case-workspace.tsx";
import { NoCaseRole } from "@/components/staff/no-case-role.tsx";
import { UUID } from "@/components/staff/search-params.ts";
import { openStaffPage } from "@/components/staff/staff-page.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { may } from "@/server/domain/policy/policy.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";

async function CasePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id, me } = await openStaffPage(params);
  if (!UUID.test(id)) notFound();
  return (
    <>
      <StaffNav me={me} locale={locale} current="queue" />
      {may(me.roles, "readCases") ? <CaseWorkspace caseId={id.toLowerCase()} me={me} /> : <NoCaseRole />}
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(CasePage));
