import { getTranslations } from "next-intl/server";
import { openStaffPage } from "@/components/staff/staff-page.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { NotificationList } from "@/components/staff/notifications/notification-list.tsx";
import { NotificationPreferences } from "@/components/staff/notifications/notification-preferences.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { PageHeading } from "@/components/ui/page-section.tsx";

export const generateMetadata = titleFrom("notifications");

/** /staff/notifikasi: the member's notifications (read/unread) and their email choices. */
async function NotificationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, me } = await openStaffPage(params);
  const t = await getTranslations("notifications");
  return (
    <>
      <StaffNav me={me} locale={locale} current="notifications" />
      <section aria-labelledby="notifications-title" className="space-y-8">
        <div>
          <PageHeading id="notifications-title" title={t("title")} lead={t("lead")} />
        </div>
        <NotificationList />
        <NotificationPreferences />
      </section>
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(NotificationsPage));
