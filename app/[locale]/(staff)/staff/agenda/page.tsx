import { getTimeZone } from "next-intl/server";
import { AgendaBooks } from "@/components/staff/cases/agenda-books.tsx";
import { parseAgendaFilters } from "@/components/staff/cases/agenda-filters.ts";
import { NoCaseRole } from "@/components/staff/no-case-role.tsx";
import { officeYear, officeYears } from "@/lib/zoned-time.ts";
import { openStaffPage, type StaffPageProps } from "@/components/staff/staff-page.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { may } from "@/server/domain/policy/policy.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";

async function AgendaPage({ params, searchParams }: StaffPageProps) {
  const { locale, me } = await openStaffPage(params);
  const timeZone = await getTimeZone();
  const thisYear = officeYear(new Date(), timeZone);
  const filters = parseAgendaFilters(await searchParams, thisYear);
  const years = officeYears(new Date(), timeZone);
  if (!years.includes(filters.year)) years.push(filters.year);
  return (
    <>
      <StaffNav me={me} locale={locale} current="agenda" />
      {may(me.roles, "readAgenda") ? <AgendaBooks filters={filters} years={years} /> : <NoCaseRole text="agenda" />}
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(AgendaPage));
