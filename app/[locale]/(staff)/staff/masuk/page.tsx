import { localePath } from "@/i18n/routing.ts";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/staff/sign-in-form.tsx";
import { THROTTLE_WINDOW_MINUTES } from "@/server/domain/sign-in-throttle.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

async function StaffSignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("staff");
  return (
    <PageSection id="signin-title" className="mx-auto max-w-md" title={t("signInTitle")} lead={t("signInLead")}>
      <SignInForm callbackUrl={localePath(locale, "/staff")} throttleMinutes={THROTTLE_WINDOW_MINUTES} />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(StaffSignInPage));
