import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/routing.ts";
import { PasswordChangeForm } from "@/components/staff/account/password-change-form.tsx";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-change.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { unlessUnavailable } from "@/server/db-outage/trpc-unavailable.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

/** /staff/kata-sandi: one's own new password; the only page open while an Admin-given one is unchanged. */
async function PasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await (await serverCaller()).staff.me().catch(unlessUnavailable(null));
  if (!me) redirect(localePath(locale, "/staff/masuk"));
  const t = await getTranslations("auth.password");
  return (
    <PageSection
      id="password-title"
      className="mx-auto max-w-2xl"
      title={t("title")}
      lead={me.mustChangePassword ? t("leadRequired") : t("lead")}
    >
      <PasswordChangeForm signInPath={localePath(locale, "/staff/masuk")} minLength={MIN_PASSWORD_LENGTH} />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(PasswordPage));
