import { getTranslations, setRequestLocale } from "next-intl/server";
import { IntakeForm } from "@/components/staff/cases/intake-form.tsx";
import { NoCaseRole } from "@/components/staff/cases/no-case-role.tsx";
import { officeInputValue } from "@/components/staff/cases/office-datetime.ts";
import { signedInStaff } from "@/components/staff/cases/signed-in-staff.ts";
import { StaffNav } from "@/components/staff/cases/staff-nav.tsx";
import { getDb } from "@/server/db.ts";
import { randomToken } from "@/server/domain/crypto.ts";
import { emptyReportValues } from "@/server/domain/reporter/report-form.ts";
import { getSetting } from "@/server/domain/settings.ts";
import { formTokenFor } from "@/server/portal/request-context.ts";
import { submitIntake } from "./actions.ts";

export default async function IntakePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await signedInStaff(locale);
  const t = await getTranslations("intake");
  const limits = await getSetting(await getDb(), "uploads.limits");
  return (
    <>
      <StaffNav me={me} locale={locale} current="intake" />
      <section aria-labelledby="intake-title" className="max-w-3xl">
        <h1 id="intake-title" className="text-2xl font-bold text-brand-900">
          {t("title")}
        </h1>
        <p className="mt-2">{t("lead")}</p>
        {me.roles.includes("SEKRETARIAT") ? (
          <IntakeForm
            action={submitIntake}
            initial={{ kind: "form", values: { ...emptyReportValues(), channel: "", receivedAt: officeInputValue(new Date()), wantsTrackingCode: false }, errors: {}, sourceErrors: {}, idempotencyKey: randomToken(), attempt: 0 }}
            limits={{ maxFiles: limits.maxFilesPerReport, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }}
            accept={[...limits.allowedTypes, ".docx", ".xlsx", ".m4a", ".mp3", ".txt"].join(",")}
            formToken={await formTokenFor("intake")}
          />
        ) : (
          <div className="mt-4">
            <NoCaseRole text="intake" heading={false} />
          </div>
        )}
      </section>
    </>
  );
}
