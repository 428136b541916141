import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation.ts";
import { localePath } from "@/i18n/routing.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { EnrolmentPanel } from "@/components/staff/enrolment/enrolment-panel.tsx";
import { qrCodeDataUrl } from "@/components/staff/enrolment/qr-code.ts";
import { withOutagePage } from "@/components/outage-page.tsx";

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
      <section aria-labelledby="enrol-title" className="mx-auto max-w-2xl">
        <h1 id="enrol-title" className="text-2xl font-bold text-brand-900">
          {t("enrol.title")}
        </h1>
        <p className="mt-2 text-slate-700">{t("enrol.lead")}</p>
        <p className="mt-1 text-sm text-slate-700">{t("enrol.account", { account: pending.account })}</p>
        <EnrolmentPanel
          account={pending.account}
          secret={pending.secret}
          qrDataUrl={await qrCodeDataUrl(pending.uri)}
          signInPath={localePath(locale, "/staff/masuk")}
          workspacePath={localePath(locale, "/staff")}
          locale={locale}
        />
      </section>
    );
  }

  const security = await allowed(caller.account.security());
  if (!security) redirect(localePath(locale, "/staff/masuk"));
  const format = await getFormatter();
  return (
    <section aria-labelledby="security-title" className="mx-auto max-w-2xl space-y-3">
      <h1 id="security-title" className="text-2xl font-bold text-brand-900">
        {t("security.title")}
      </h1>
      {security.enrolledAt ? <p>{t("security.enrolledSince", { date: format.dateTime(security.enrolledAt, { dateStyle: "long", timeStyle: "short" }) })}</p> : null}
      <p>{t("security.backupLeft", { count: security.backupCodesLeft })}</p>
      {security.backupCodesLeft <= 3 ? <p className="font-semibold text-red-900">{t("security.backupLow")}</p> : null}
      <p>
        <Link href="/staff/kata-sandi" className="font-semibold text-brand-700 underline">
          {t("password.title")}
        </Link>
      </p>
      <p>
        <Link href="/staff" className="font-semibold text-brand-700 underline">
          {t("security.back")}
        </Link>
      </p>
    </section>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(StaffSecurityPage);
