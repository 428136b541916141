import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { Category } from "@/server/generated/prisma/enums.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { largeButtonClass } from "@/components/ui/button.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const STEPS = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;
const LEGAL = ["1", "2", "3", "4", "5"] as const;
const PROTECTIONS = ["anonymous", "noTrace", "encrypted", "noJs"] as const;

async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const d = await getTranslations("duration");
  const { commitments, standards } = await (await serverCaller()).portal.overview();
  const duration = (minutes: number) =>
    minutes % 60 === 0 ? d("hours", { n: minutes / 60 }) : d("minutes", { n: minutes });

  return (
    <div className="space-y-12">
      <section aria-labelledby="hero" className="rounded-lg bg-brand-50 p-6 sm:p-10">
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">{t("kicker")}</p>
        <h1 id="hero" className="mt-2 text-3xl font-bold leading-tight text-brand-900 sm:text-4xl">
          {t("title")}
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-800">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/lapor" className={largeButtonClass}>
            {t("ctaReport")}
          </Link>
          <Link
            href="/lacak"
            className="rounded border-2 border-brand-700 px-5 py-3 font-semibold text-brand-800 hover:bg-white"
          >
            {t("ctaTrack")}
          </Link>
        </div>
      </section>

      <HeadedSection id="protect" title={t("protectTitle")}>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {PROTECTIONS.map((key) => (
            <li key={key} className="rounded border border-slate-200 p-4">
              {t(`protect.${key}`)}
            </li>
          ))}
        </ul>
      </HeadedSection>

      <HeadedSection id="what" title={t("whatTitle")}>
        <ul className="mt-4 grid list-disc gap-x-8 gap-y-1 pl-6 sm:grid-cols-2">
          {Object.values(Category).map((c) => (
            <li key={c}>{t(`categories.${c}`)}</li>
          ))}
        </ul>
      </HeadedSection>

      <HeadedSection id="steps" title={t("stepsTitle")}>
        <ol className="mt-4 space-y-3">
          {STEPS.map((step) => {
            const minutes = standards[step as keyof typeof standards];
            return (
              <li key={step} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white"
                >
                  {step}
                </span>
                <span>
                  {t(`steps.${step}`)}
                  {typeof minutes === "number" ? (
                    <span className="block text-sm text-slate-600">{t("stepTime", { time: duration(minutes) })}</span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ol>
      </HeadedSection>

      <HeadedSection id="commitments" title={t("commitmentsTitle")} box="note">
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>{t("commitmentRecorded", { days: commitments.recordOfficeDays })}</li>
          <li>{t("commitmentResponse", { days: commitments.responseOfficeDays })}</li>
        </ul>
      </HeadedSection>

      <HeadedSection id="legal" title={t("legalTitle")}>
        <ol className="mt-3 list-decimal space-y-1 pl-6 text-slate-800">
          {LEGAL.map((k) => (
            <li key={k}>{t(`legal.${k}`)}</li>
          ))}
        </ol>
        <p className="mt-2 text-sm text-slate-600">{t("sopRef")}</p>
      </HeadedSection>
    </div>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(HomePage);
