/**
 * The office dashboard, rendered on the server from `statistics.office` (no client code):
 * the public breakdowns without suppression, open and overdue cases by stage, and SOP
 * compliance per step for the chosen period.
 */
import { getTimeZone, getTranslations } from "next-intl/server";
import { formatOfficeDate } from "@/lib/zoned-time.ts";
import { formatDuration } from "@/components/staff/cases/duration.ts";
import { localePath } from "@/i18n/routing.ts";
import type { Count } from "@/server/domain/statistics/aggregates.ts";
import { breakdownLabel } from "@/server/domain/statistics/labels.ts";
import type { TableName } from "@/server/domain/statistics/open-data.ts";
import type { OfficePeriod, OfficeStatistics } from "@/server/domain/statistics/office-statistics.ts";
import type { ProtectedTable } from "@/server/domain/statistics/suppression.ts";
import { StatSection } from "./stat-section.tsx";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { DataTable, tdClass } from "@/components/ui/table.tsx";
import { PageSection } from "@/components/ui/page-section.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** The dashboard shows every count as it is: a "table" with nothing hidden. */
const plain = (counts: Count<string>[]): ProtectedTable => ({
  withheld: false,
  cells: counts.map((c) => ({ key: c.key, shown: c.count })),
  total: counts.reduce((s, c) => s + c.count, 0),
});

export async function OfficeDashboard({
  stats,
  period,
  invalid,
  locale,
}: {
  stats: OfficeStatistics;
  period: OfficePeriod;
  invalid: boolean;
  locale: string;
}) {
  const o = await getTranslations("officeStats");
  const t = await getTranslations("statistics");
  const root = await getTranslations();
  const d = await getTranslations("workspace.duration");
  const numbers = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB");
  const format = (n: number) => numbers.format(n);
  const minutes = (m: number | null) =>
    m === null
      ? o("none")
      : formatDuration(m, { hours: (n) => d("hours", { n }), minutes: (n) => d("minutes", { n }) });
  const days = (m: number | null) =>
    m === null ? o("none") : t("officeDays", { n: numbers.format(Math.round((m / stats.dayMinutes) * 10) / 10) });
  const f = stats.figures;
  const csv = `/api/staff/statistics?from=${period.from}&to=${period.to}${locale === "id" ? "" : `&locale=${locale}`}`;
  const periodText = `${period.from} – ${period.to}`;
  const label = (name: TableName) => (key: string) => breakdownLabel(name, key, (path) => root(path as never));
  const sections = [
    { id: "byMonth" as const, counts: f.byMonth, title: t("columns.month"), key: t("columns.month") },
    { id: "byCategory" as const, counts: f.byCategory, title: t("columns.category"), key: t("columns.category") },
    { id: "byChannel" as const, counts: f.byChannel, title: t("columns.channel"), key: t("columns.channel") },
    { id: "byStatus" as const, counts: f.byStatus, title: t("columns.status"), key: t("columns.status") },
    { id: "concluded" as const, counts: f.concluded, title: t("summary.concluded"), key: t("columns.reason") },
  ];
  const openTotal = stats.open.reduce((s, x) => s + x.open, 0);
  const overdueTotal = stats.open.reduce((s, x) => s + x.overdue, 0);

  return (
    <div className="space-y-8">
      <PageSection id="dashboard-title" className="space-y-3" title={o("title")} lead={o("lead")}>
        {invalid ? (
          <Notice tone="warn" role="alert">
            <p>{o("invalidPeriod")}</p>
          </Notice>
        ) : null}
        <form
          method="get"
          action={localePath(locale, "/staff/dasbor")}
          aria-label={o("period")}
          className="grid items-end gap-3 rounded border border-slate-300 p-3 sm:grid-cols-3"
        >
          <TextField
            id="dashboard-from"
            name="from"
            type="date"
            label={o("from")}
            defaultValue={period.from}
            required
          />
          <TextField id="dashboard-to" name="to" type="date" label={o("to")} defaultValue={period.to} required />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={primaryButtonClass}>
              {o("show")}
            </button>
            <a href={csv} className={secondaryButtonClass} download data-testid="dashboard-csv">
              {o("export")}
            </a>
          </div>
        </form>
        <p className="text-sm text-slate-700">
          {o("generated", { time: formatOfficeDate(stats.generatedAt, locale, await getTimeZone()) })}
        </p>
      </PageSection>

      <HeadedSection
        id="dashboard-summary"
        title={`${o("period")}: ${periodText}`}
        size="medium"
        className="rounded bg-brand-50 p-4"
      >
        <dl className="mt-3 grid gap-4 sm:grid-cols-3" data-testid="dashboard-summary">
          {[
            [t("summary.received"), format(f.received)],
            [t("summary.concluded"), format(f.concluded.reduce((s, c) => s + c.count, 0))],
            [
              t("summary.recording"),
              `${days(f.recording.medianMinutes)} (${o("basedOn", { n: format(f.recording.n) })})`,
            ],
            [t("summary.response"), `${days(f.response.medianMinutes)} (${o("basedOn", { n: format(f.response.n) })})`],
            [o("openTotal"), format(openTotal)],
            [o("overdue"), format(overdueTotal)],
          ].map(([k, v]) => (
            <div key={k}>
              <dt className="text-sm text-slate-700">{k}</dt>
              <dd className="text-lg font-bold text-brand-900">{v}</dd>
            </div>
          ))}
        </dl>
      </HeadedSection>

      <FigureTable
        title={o("openTitle")}
        head={[t("columns.status"), o("openCount"), o("overdue")]}
        testId="dashboard-open"
        rows={stats.open.map((x) => ({
          key: x.status,
          name: t(`status.${x.status}` as "status.ARCHIVED"),
          figures: [format(x.open), format(x.overdue)],
        }))}
      />

      <FigureTable
        title={o("stepsTitle")}
        head={[o("step"), o("done"), o("within"), o("compliance"), o("median"), o("standard")]}
        testId="dashboard-steps"
        rows={f.steps.map((s) => ({
          key: String(s.step),
          name: o(`stepNames.${s.step}` as "stepNames.2"),
          figures: [
            format(s.done),
            format(s.within),
            s.done ? `${numbers.format(Math.round((s.within / s.done) * 1000) / 10)}%` : o("none"),
            minutes(s.medianMinutes),
            minutes(s.standardMinutes),
          ],
        }))}
      />

      {sections.map((s) => (
        <StatSection
          key={s.id}
          id={s.id}
          table={plain(s.counts)}
          label={label(s.id)}
          format={format}
          text={{
            title: `${s.title} (${periodText})`,
            chart: t("chart", { title: s.title }),
            keyHeader: s.key,
            countHeader: t("columns.count"),
            totalLabel: t("columns.total"),
            withheld: t("withheld"),
          }}
        />
      ))}
    </div>
  );
}

/** A table of figures by stage or step under its heading: each row's name, then its figures. */
function FigureTable({
  title,
  head,
  testId,
  rows,
}: {
  title: string;
  head: string[];
  testId: string;
  rows: { key: string; name: string; figures: string[] }[];
}) {
  return (
    <div className="space-y-3">
      <h2 className="text-xl font-bold text-brand-900">{title}</h2>
      <DataTable label={title} head={head} figuresFrom={1} className="w-full border-collapse" testId={testId}>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row" className={`${tdClass} text-left font-normal`}>
              {row.name}
            </th>
            {row.figures.map((figure, i) => (
              <td key={i} className={`${tdClass} text-right tabular-nums`}>
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
