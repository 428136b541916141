import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation.ts";
import { localePath } from "@/i18n/routing.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { EnrolmentPanel } from "@/components/staff/enrolment/enrolment-panel.tsx";
import { qrCodeDataUrl } from "@/components/staff/enrolment/qr-code.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { linkClass } from "@/components/ui/button.tsx";

/** Null when the session may not call the procedure; any other failure is a real error. */
async function allowed<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN", "CONFLICT"].includes(error.code)) return null;
    throw error;
  }
}

/**
 * /staff/keamanan: an enrolment session sets up the second factor here (the only thing it
 * can do); a full session sees the state of its own second factor.
 */
async function StaffSecurityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const caller = await serverCaller();
  const t = await getTranslations("auth");

  const pending = await allowed(caller.account.startEnrolment());
  if (pending) {
    return (
      <PageSection id="enrol-title" className="mx-auto max-w-2xl" title={t("enrol.title")} lead={t("enrol.lead")}>
        <p className="mt-1 text-sm text-slate-700">{t("enrol.account", { account: pending.account })}</p>
        <EnrolmentPanel
          account={pending.account}
          secret={pending.secret}
          qrDataUrl={await qrCodeDataUrl(pending.uri)}
          signInPath={localePath(locale, "/staff/masuk")}
          workspacePath={localePath(locale, "/staff")}
          locale={locale}
        />
      </PageSection>
    );
  }

  const security = await allowed(caller.account.security());
  if (!security) redirect(localePath(locale, "/staff/masuk"));
  const format = await getFormatter();
  return (
    <PageSection id="security-title" className="mx-auto max-w-2xl space-y-3" title={t("security.title")}>
      {security.enrolledAt ? (
        <p>
          {t("security.enrolledSince", {
            date: format.dateTime(security.enrolledAt, { dateStyle: "long", timeStyle: "short" }),
          })}
        </p>
      ) : null}
      <p>{t("security.backupLeft", { count: security.backupCodesLeft })}</p>
      {security.backupCodesLeft <= 3 ? <p className="font-semibold text-red-900">{t("security.backupLow")}</p> : null}
      <p>
        <Link href="/staff/kata-sandi" className={linkClass}>
          {t("password.title")}
        </Link>
      </p>
      <p>
        <Link href="/staff" className={linkClass}>
          {t("security.back")}
        </Link>
      </p>
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(StaffSecurityPage));
