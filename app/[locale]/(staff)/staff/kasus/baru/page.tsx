import { getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { IntakeForm } from "@/components/staff/cases/intake-form.tsx";
import { NoCaseRole } from "@/components/staff/no-case-role.tsx";
import { officeInputValue } from "@/lib/zoned-time.ts";
import { signedInStaff } from "@/server/http/staff/signed-in-staff.ts";
import { StaffNav } from "@/components/staff/staff-nav.tsx";
import { getDb } from "@/server/db.ts";
import { may } from "@/server/domain/policy/policy.ts";
import { emptyReportValues } from "@/server/domain/reporter/report-form.ts";
import { getSetting } from "@/server/domain/settings.ts";
import { formTokenFor, idempotencyKeyForView } from "@/server/http/portal/request-context.ts";
import { submitIntake } from "./actions.ts";
import { localePath } from "@/i18n/routing.ts";
import { settingDefaults } from "@/server/domain/settings-defaults.ts";
import { whenAvailable } from "@/server/db-outage/when-available.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { withWorkspaceTexts } from "@/components/staff/workspace-texts.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

const UNAVAILABLE = Symbol("database unavailable");

async function IntakePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await whenAvailable(() => signedInStaff(locale), UNAVAILABLE);
  const t = await getTranslations("intake");
  const limits =
    me === UNAVAILABLE ? settingDefaults["uploads.limits"] : await getSetting(await getDb(), "uploads.limits");
  const form = async (onlyAfterPost: boolean) => (
    <IntakeForm
      action={submitIntake}
      initial={{
        kind: "form",
        values: {
          ...emptyReportValues(),
          channel: "",
          receivedAt: officeInputValue(new Date(), await getTimeZone()),
          wantsTrackingCode: false,
        },
        errors: {},
        sourceErrors: {},
        idempotencyKey: await idempotencyKeyForView(),
        attempt: 0,
      }}
      limits={{ maxFiles: limits.maxFilesPerReport, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }}
      accept={[...limits.allowedTypes, ".docx", ".xlsx", ".m4a", ".mp3", ".txt"].join(",")}
      formToken={await formTokenFor("intake")}
      permalink={localePath(locale, "/staff/kasus/baru")}
      onlyAfterPost={onlyAfterPost}
    />
  );
  if (me === UNAVAILABLE) {
    // The session cannot be checked now: only a post that could not be saved comes back, as typed.
    const outage = await getTranslations("outage");
    return (
      <PageSection id="outage-title" className="max-w-3xl" title={outage("title")} lead={outage("body")}>
        {await form(true)}
      </PageSection>
    );
  }
  return (
    <>
      <StaffNav me={me} locale={locale} current="intake" />
      <PageSection id="intake-title" className="max-w-3xl" title={t("title")} lead={t("lead")}>
        {may(me.roles, "recordIntake") ? (
          await form(false)
        ) : (
          <div className="mt-4">
            <NoCaseRole text="intake" heading={false} />
          </div>
        )}
      </PageSection>
    </>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withWorkspaceTexts(withOutagePage(IntakePage));
