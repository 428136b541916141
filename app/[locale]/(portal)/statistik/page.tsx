import type { Metadata } from "next";
import { getTimeZone, getTranslations, setRequestLocale } from "next-intl/server";
import { formatOfficeDate, officeYear } from "@/lib/zoned-time.ts";
import { BarChart } from "@/components/statistics/bar-chart.tsx";
import { StatSection } from "@/components/statistics/stat-section.tsx";
import { StatTable } from "@/components/statistics/stat-table.tsx";
import { localePath } from "@/i18n/routing.ts";
import { breakdownLabel } from "@/server/domain/statistics/labels.ts";
import { yearInput } from "@/server/domain/statistics/public-statistics.ts";
import type { Shown } from "@/server/domain/statistics/suppression.ts";
import { serverCaller } from "@/server/trpc/server-caller.ts";
import { withOutagePage } from "@/components/outage-page.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { SampleDataBanner } from "@/components/sample-data-banner.tsx";
import { SelectField } from "@/components/ui/field.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  return { title: `${t("title")} · Lentera` };
}

const TABLES = ["byMonth", "byCategory", "byChannel", "byStatus", "concluded"] as const;

/**
 * Public transparency statistics (docs/security.md, hidden cases): server-rendered, no JavaScript needed. The
 * protection rule (published months, lag, perturbation, "< 3") is stated on the page itself.
 */
async function StatisticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("statistics");
  const timeZone = await getTimeZone();
  const requested = yearInput.safeParse((await searchParams).tahun);
  const year = requested.success ? requested.data : officeYear(new Date(), timeZone);
  const caller = await serverCaller();
  const [stats, sampleData] = await Promise.all([caller.portal.statistics({ year }), caller.portal.sampleData()]);

  const root = await getTranslations();
  const numbers = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB");
  const format = (n: number) => numbers.format(n);
  const show = (v: Shown | null) => (v === null ? t("notPublished") : typeof v === "number" ? format(v) : v);
  const monthName = (month: string) => breakdownLabel("byMonth", month, (path) => root(path as never));
  const days = (n: number | null) => (n === null ? t("notShown") : t("officeDays", { n: numbers.format(n) }));
  const labelOf = (name: (typeof TABLES)[number]) => (key: string) =>
    breakdownLabel(name, key, (path) => root(path as never));
  const keyHeader = {
    byMonth: t("columns.month"),
    byCategory: t("columns.category"),
    byChannel: t("columns.channel"),
    byStatus: t("columns.status"),
    concluded: t("columns.reason"),
  };
  const query = `?tahun=${year}${locale === "id" ? "" : `&locale=${locale}`}`;
  const summary: { id: string; label: string; value: string }[] = [
    { id: "received", label: t("summary.received"), value: show(stats.received) },
    { id: "concluded", label: t("summary.concluded"), value: show(stats.concluded.total) },
    { id: "recording", label: t("summary.recording"), value: days(stats.recording.officeDays) },
    { id: "response", label: t("summary.response"), value: days(stats.response.officeDays) },
    {
      id: "within",
      label: t("summary.within"),
      value: stats.withinStandardPercent === null ? t("notShown") : `${numbers.format(stats.withinStandardPercent)}%`,
    },
  ];
  const perYearTitle = t("tables.perYear");
  const perYearRows = stats.perYear.map((y) => ({ key: y.key, label: y.key, value: y.shown }));

  return (
    <div className="space-y-10">
      <SampleDataBanner present={sampleData} />
      <PageSection
        id="stats-title"
        className="space-y-4"
        title={t("title")}
        lead={t("lead")}
        leadClassName="max-w-3xl text-lg text-slate-800"
        size="portal"
      >
        <form
          method="get"
          action={localePath(locale, "/statistik")}
          aria-label={t("yearForm")}
          className="flex flex-wrap items-end gap-3"
        >
          <SelectField
            id="tahun"
            label={t("year")}
            defaultValue={String(year)}
            options={stats.years.map((y) => [String(y), String(y)])}
          />
          <button type="submit" className={primaryButtonClass}>
            {t("show")}
          </button>
        </form>
        <p className="text-sm text-slate-700" data-testid="published-through">
          {t("publishedThrough", {
            month: monthName(stats.publishedThrough),
            cutoff: formatOfficeDate(stats.publishedThroughCutoff, locale, timeZone, false),
          })}
        </p>
        <p className="text-sm text-slate-700" data-testid="generated-at">
          {t("generated", { time: formatOfficeDate(stats.generatedAt, locale, timeZone) })}
        </p>
      </PageSection>

      <HeadedSection id="summary" title={t("summaryTitle", { year })} size="medium" box="brand">
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="summary">
          {summary.map((item) => (
            <div key={item.id}>
              <dt className="text-sm text-slate-700">{item.label}</dt>
              <dd className="text-xl font-bold text-brand-900" data-testid={`summary-${item.id}`}>
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
      </HeadedSection>

      <HeadedSection id="protection" title={t("protection.title")} size="medium" box="note">
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>{t("protection.periods", { lag: stats.lagDays })}</li>
          <li>{t("protection.perturbation")}</li>
          <li>{t("protection.small")}</li>
          <li>{t("protection.medians")}</li>
          <li>{t("protection.officeDays")}</li>
        </ul>
      </HeadedSection>

      <HeadedSection id="per-year" title={perYearTitle} size="medium" className="space-y-3" testId="section-per-year">
        {perYearRows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <figure>
              <BarChart bars={perYearRows} title={t("chart", { title: perYearTitle })} format={format} />
            </figure>
            <StatTable
              caption={perYearTitle}
              keyHeader={t("columns.year")}
              countHeader={t("columns.count")}
              rows={perYearRows}
              format={format}
              testId="table-per-year"
            />
          </div>
        )}
      </HeadedSection>

      {TABLES.map((name) => {
        const title = t(`tables.${name}`, { year });
        return (
          <StatSection
            key={name}
            id={name}
            table={stats[name]}
            label={labelOf(name)}
            format={format}
            text={{
              title,
              chart: t("chart", { title }),
              keyHeader: keyHeader[name],
              countHeader: t("columns.count"),
              totalLabel: t("columns.total"),
              withheld: t("withheld"),
            }}
          />
        );
      })}

      <HeadedSection
        id="open-data"
        title={t("openData.title")}
        size="medium"
        className="rounded-lg border border-slate-300 p-6"
      >
        <p className="mt-2">{t("openData.body", { licence: `${stats.licence.name}` })}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          <li>
            <a href={`/statistik/data.csv${query}`} className={`inline-block ${secondaryButtonClass}`} download>
              {t("openData.csv", { year })}
            </a>
          </li>
          <li>
            <a href={`/statistik/data.json${query}`} className={`inline-block ${secondaryButtonClass}`} download>
              {t("openData.json", { year })}
            </a>
          </li>
          <li>
            <a
              href={stats.licence.url}
              className="inline-block px-1 py-2 font-semibold text-brand-700 underline"
              rel="license noreferrer"
            >
              {stats.licence.name}
            </a>
          </li>
        </ul>
      </HeadedSection>
    </div>
  );
}

// A database outage shows the outage page (status 503), also without JavaScript.
export default withOutagePage(StatisticsPage);
