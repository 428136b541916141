import { openStaffPage } from "@/components/staff/staff-page.ts";
import { AdminPage } from "@/components/staff/admin/admin-page.tsx";
import { SettingsAdmin } from "@/components/staff/admin/settings-admin.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { EmailSettingsAdmin } from "@/components/staff/notifications/email-settings-admin.tsx";

export const generateMetadata = titleFrom("admin.settings");

async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { me } = await openStaffPage(params);
  return (
    <AdminPage me={me} area="settings">
      <SettingsAdmin />
      <EmailSettingsAdmin />
    </AdminPage>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(SettingsPage));
