import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReportForm } from "@/components/portal/report-form.tsx";
import { getDb } from "@/server/db.ts";
import { emptyReportValues } from "@/server/domain/reporter/report-form.ts";
import { getSetting } from "@/server/domain/settings.ts";
import { settingDefaults } from "@/server/domain/settings-defaults.ts";
import { whenAvailable } from "@/server/db-outage/when-available.ts";
import { Category } from "@/server/generated/prisma/enums.ts";
import { formTokenFor, idempotencyKeyForView } from "@/server/http/portal/request-context.ts";
import { submitReport } from "./actions.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";

async function ReportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("report");
  const home = await getTranslations("home");
  // Without the database the form still comes back (with what a failed post had typed in it).
  const limits = await whenAvailable(
    async () => getSetting(await getDb(), "uploads.limits"),
    settingDefaults["uploads.limits"],
  );
  return (
    <PageSection id="report-title" className="max-w-3xl" title={t("title")} lead={t("lead")} size="portal">
      <p className="mt-3 rounded border-l-4 border-amber-accent bg-amber-50 p-3">{t("privacy")}</p>
      <ReportForm
        action={submitReport}
        // A fresh key per page view: a double submit of this form creates one case.
        initial={{
          kind: "form",
          values: emptyReportValues(),
          errors: {},
          idempotencyKey: await idempotencyKeyForView(),
          attempt: 0,
        }}
        locale={locale}
        categories={Object.values(Category).map((c) => ({ value: c, label: home(`categories.${c}`) }))}
        limits={{ maxFiles: limits.maxFilesPerReport, maxMb: Math.round(limits.maxFileBytes / 1024 / 1024) }}
        accept={[...limits.allowedTypes, ".docx", ".xlsx", ".m4a", ".mp3", ".txt"].join(",")}
        formToken={await formTokenFor("report")}
      />
    </PageSection>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(ReportPage);
