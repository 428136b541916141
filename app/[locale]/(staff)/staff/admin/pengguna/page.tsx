import { getTranslations, setRequestLocale } from "next-intl/server";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { AdminNav, NotAllowed } from "@/components/staff/admin/admin-nav.tsx";
import { UsersAdmin } from "@/components/staff/admin/users-admin.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { PageSection } from "@/components/ui/page-section.tsx";
import { may } from "@/server/domain/policy/policy.ts";

export const generateMetadata = titleFrom("admin.users");

async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  if (!may(me.roles, "administer")) return <NotAllowed roles={me.roles} message="admin" />;
  const t = await getTranslations("admin.users");
  return (
    <PageSection
      id="users-title"
      title={t("title")}
      lead={t("lead")}
      leadClassName="mb-6"
      before={<AdminNav roles={me.roles} current="users" />}
    >
      <UsersAdmin meId={me.id} />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(UsersPage);
