import { getTranslations, getTimeZone } from "next-intl/server";
import { OfficeDashboard } from "@/components/statistics/office-dashboard.tsx";
import { firstParam } from "@/components/staff/search-params.ts";
import { openStaffPage, type StaffPageProps } from "@/components/staff/staff-page.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { may } from "@/server/domain/policy/policy.ts";
import { defaultOfficePeriod, officePeriodInput } from "@/server/domain/statistics/office-statistics.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { BackupStatusPanel } from "@/components/staff/backup-status-panel.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { Notice } from "@/components/ui/notice.tsx";

export const generateMetadata = titleFrom("officeStats");

/** Office dashboard: Kepala Dinas, Pengawas, Sekretariat (checked again by `statistics.office`). */
async function DashboardPage({ params, searchParams }: StaffPageProps) {
  const { locale, me } = await openStaffPage(params);
  const t = await getTranslations("officeStats");
  if (!may(me.roles, "readOfficeStatistics")) {
    return (
      <>
        <StaffNav me={me} locale={locale} current="dashboard" />
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <Notice tone="warn" role="status">
          <p>{t("notAllowed")}</p>
        </Notice>
      </>
    );
  }
  const q = await searchParams;
  const asked = { from: firstParam(q, "from"), to: firstParam(q, "to") };
  const parsed = officePeriodInput.safeParse(asked);
  const period = parsed.success ? parsed.data : defaultOfficePeriod(new Date(), await getTimeZone());
  const caller = await serverCaller();
  const stats = await caller.statistics.office(period);
  // Pengawas oversees the office, so a failing backup is shown to it here.
  const backup = may(me.roles, "readBackupStatus") ? await caller.admin.backup.status() : null;
  return (
    <>
      <StaffNav me={me} locale={locale} current="dashboard" />
      {backup ? (
        <div className="mb-6">
          <BackupStatusPanel data={backup} />
        </div>
      ) : null}
      <OfficeDashboard
        stats={stats}
        period={period}
        invalid={!parsed.success && (asked.from !== undefined || asked.to !== undefined)}
        locale={locale}
      />
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(DashboardPage);
