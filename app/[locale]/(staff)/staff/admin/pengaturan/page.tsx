import { getTranslations, setRequestLocale } from "next-intl/server";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { AdminNav, NotAllowed } from "@/components/staff/admin/admin-nav.tsx";
import { SettingsAdmin } from "@/components/staff/admin/settings-admin.tsx";
import { withOutagePage } from "@/components/outage-page.tsx";
import { titleFrom } from "@/components/staff/page-title.ts";
import { may } from "@/server/domain/policy/policy.ts";
import { EmailSettingsAdmin } from "@/components/staff/notifications/email-settings-admin.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

export const generateMetadata = titleFrom("admin.settings");

async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  if (!may(me.roles, "administer")) return <NotAllowed roles={me.roles} message="admin" />;
  const t = await getTranslations("admin.settings");
  return (
    <PageSection
      id="settings-title"
      title={t("title")}
      lead={t("lead")}
      leadClassName="mb-6"
      before={<AdminNav roles={me.roles} current="settings" />}
    >
      <SettingsAdmin />
      <EmailSettingsAdmin />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(SettingsPage);
