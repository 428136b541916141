import { openStaffPage } from "@/components/staff/staff-page.ts";
import { AdminPage } from "@/components/staff/admin/admin-page.tsx";
import { UsersAdmin } from "@/components/staff/admin/users-admin.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";

export const generateMetadata = titleFrom("admin.users");

async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { me } = await openStaffPage(params);
  return (
    <AdminPage me={me} area="users">
      <UsersAdmin meId={me.id} />
    </AdminPage>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(UsersPage));
