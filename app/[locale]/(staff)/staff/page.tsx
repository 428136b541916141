import { localePath } from "@/i18n/routing.ts";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { unlessUnavailable } from "@/server/db-outage/trpc-unavailable.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withFullStop } from "@/components/staff/home/full-stop.ts";
import { MyQueue } from "@/components/staff/home/my-queue.tsx";
import { queueSummary } from "@/components/staff/home/queue-summary.ts";
import { PageSection } from "@/components/ui/page-section.tsx";

async function StaffHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const caller = await serverCaller();
  const me = await caller.staff.me().catch(unlessUnavailable(null));
  if (!me) {
    // Password accepted but no second factor yet: the session may only enrol.
    const enrolment = await caller.account.pendingEnrolment().catch(unlessUnavailable(null));
    redirect(localePath(locale, enrolment ? "/staff/keamanan" : "/staff/masuk"));
  }
  if (me.mustChangePassword) redirect(localePath(locale, "/staff/kata-sandi"));
  const t = await getTranslations("staff");
  const home = await getTranslations("staffHome");
  const summary = await queueSummary(caller);
  return (
    <>
      <StaffNav me={{ id: me.id, name: me.name, position: me.position, roles: [...me.roles] }} locale={locale} />
      <PageSection id="ws-title" className="space-y-4" title={t("workspaceTitle")}>
        <p>{withFullStop(t("welcome", { name: me.name }))}</p>
        {summary ? <MyQueue summary={summary} /> : <p className="text-slate-700">{t("workspaceIntro")}</p>}
        {summary ? <p className="text-slate-700">{home("intro")}</p> : null}
      </PageSection>
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(StaffHomePage);
