import { getTimeZone } from "next-intl/server";
import { CaseQueue } from "@/components/staff/cases/case-queue.tsx";
import { NoCaseRole } from "@/components/staff/no-case-role.tsx";
import { officeYears } from "@/lib/zoned-time.ts";
import { parseQueueFilters } from "@/components/staff/cases/queue-filters.ts";
import { openStaffPage, type StaffPageProps } from "@/components/staff/staff-page.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { may } from "@/server/domain/policy/policy.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";

async function QueuePage({ params, searchParams }: StaffPageProps) {
  const { locale, me } = await openStaffPage(params);
  const years = officeYears(new Date(), await getTimeZone());
  return (
    <>
      <StaffNav me={me} locale={locale} current="queue" />
      {may(me.roles, "readCases") ? (
        <CaseQueue filters={parseQueueFilters(await searchParams)} years={years} />
      ) : (
        <NoCaseRole />
      )}
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(QueuePage));
