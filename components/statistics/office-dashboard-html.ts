/**
 * The office dashboard's body as markup: the period form, the summary, open cases by stage, SOP
 * compliance per step and the five breakdowns. It depends only on the figures, the period, the
 * locale and the office's time zone, so it is built once per cached figures and language
 * (office-dashboard.tsx) instead of React rendering its ~500 elements twice per request (the
 * page's payload and its HTML). The kit's string twins keep it the markup the kit renders.
 */
import { formatOfficeDate } from "@/lib/zoned-time.ts";
import { formatDuration } from "@/components/staff/cases/duration.ts";
import { localePath, type Locale } from "@/i18n/routing.ts";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/i18n/messages.ts";
import type { Count } from "@/server/domain/statistics/aggregates.ts";
import { breakdownLabel } from "@/server/domain/statistics/labels.ts";
import type { TableName } from "@/server/domain/statistics/open-data.ts";
import type { OfficePeriod, OfficeStatistics } from "@/server/domain/statistics/office-statistics.ts";
import type { ProtectedTable } from "@/server/domain/statistics/suppression.ts";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { markup, type Html } from "@/components/ui/html.ts";
import {
  dataTableHtml,
  headedSectionHtml,
  noticeHtml,
  pageSectionHtml,
  textFieldHtml,
} from "@/components/ui/static-html.ts";
import { tdClass } from "@/components/ui/table.tsx";
import { statSectionHtml } from "./stat-section-html.ts";

/** The dashboard shows every count as it is: a "table" with nothing hidden. */
const plain = (counts: Count<string>[]): ProtectedTable => ({
  withheld: false,
  cells: counts.map((c) => ({ key: c.key, shown: c.count })),
  total: counts.reduce((s, c) => s + c.count, 0),
});

export interface DashboardView {
  stats: OfficeStatistics;
  period: OfficePeriod;
  /** A period was asked for and could not be read (the default period is shown). */
  invalid: boolean;
  locale: Locale;
  timeZone: string;
}

/** What goes inside the dashboard's `<div class="space-y-8">`. */
export function officeDashboardHtml({ stats, period, invalid, locale, timeZone }: DashboardView): string {
  const messages = messagesFor(locale);
  const root = createTranslator({ locale, messages });
  const o = createTranslator({ locale, messages, namespace: "officeStats" });
  const t = createTranslator({ locale, messages, namespace: "statistics" });
  const d = createTranslator({ locale, messages, namespace: "workspace.duration" });
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

  const fields = [
    textFieldHtml({
      id: "dashboard-from",
      name: "from",
      type: "date",
      label: o("from"),
      defaultValue: period.from,
      required: true,
    }),
    textFieldHtml({
      id: "dashboard-to",
      name: "to",
      type: "date",
      label: o("to"),
      defaultValue: period.to,
      required: true,
    }),
  ];
  const form = markup`<form aria-label="${o("period")}" class="grid items-end gap-3 rounded border border-slate-300 p-3 sm:grid-cols-3" action="${localePath(locale, "/staff/dasbor")}" method="get">${fields}<div class="flex flex-wrap gap-3"><button type="submit" class="${primaryButtonClass}">${o("show")}</button><a href="${csv}" class="${secondaryButtonClass}" download="" data-testid="dashboard-csv">${o("export")}</a></div></form>`;
  const generated = o("generated", { time: formatOfficeDate(stats.generatedAt, locale, timeZone) });
  const title = pageSectionHtml({
    id: "dashboard-title",
    className: "space-y-3",
    title: o("title"),
    lead: o("lead"),
    children: [
      invalid ? noticeHtml({ tone: "warn", role: "alert", children: markup`<p>${o("invalidPeriod")}</p>` }) : null,
      form,
      markup`<p class="text-sm text-slate-700">${generated}</p>`,
    ],
  });

  const summaryFigures: [string, string][] = [
    [t("summary.received"), format(f.received)],
    [t("summary.concluded"), format(f.concluded.reduce((s, c) => s + c.count, 0))],
    [t("summary.recording"), `${days(f.recording.medianMinutes)} (${o("basedOn", { n: format(f.recording.n) })})`],
    [t("summary.response"), `${days(f.response.medianMinutes)} (${o("basedOn", { n: format(f.response.n) })})`],
    [o("openTotal"), format(openTotal)],
    [o("overdue"), format(overdueTotal)],
  ];
  const summary = headedSectionHtml({
    id: "dashboard-summary",
    title: `${o("period")}: ${periodText}`,
    size: "medium",
    className: "rounded bg-brand-50 p-4",
    children: markup`<dl class="mt-3 grid gap-4 sm:grid-cols-3" data-testid="dashboard-summary">${summaryFigures.map(
      ([k, v]) =>
        markup`<div><dt class="text-sm text-slate-700">${k}</dt><dd class="text-lg font-bold text-brand-900">${v}</dd></div>`,
    )}</dl>`,
  });

  const open = figureTable({
    title: o("openTitle"),
    head: [t("columns.status"), o("openCount"), o("overdue")],
    testId: "dashboard-open",
    rows: stats.open.map((x) => ({
      key: x.status,
      name: t(`status.${x.status}` as "status.ARCHIVED"),
      figures: [format(x.open), format(x.overdue)],
    })),
  });
  const steps = figureTable({
    title: o("stepsTitle"),
    head: [o("step"), o("done"), o("within"), o("compliance"), o("median"), o("standard")],
    testId: "dashboard-steps",
    rows: f.steps.map((s) => ({
      key: String(s.step),
      name: o(`stepNames.${s.step}` as "stepNames.2"),
      figures: [
        format(s.done),
        format(s.within),
        s.done ? `${numbers.format(Math.round((s.within / s.done) * 1000) / 10)}%` : o("none"),
        minutes(s.medianMinutes),
        minutes(s.standardMinutes),
      ],
    })),
  });

  const breakdowns = sections.map((s) =>
    statSectionHtml({
      id: s.id,
      table: plain(s.counts),
      label: label(s.id),
      format,
      text: {
        title: `${s.title} (${periodText})`,
        chart: t("chart", { title: s.title }),
        keyHeader: s.key,
        countHeader: t("columns.count"),
        totalLabel: t("columns.total"),
        withheld: t("withheld"),
      },
    }),
  );
  return markup`${title}${summary}${open}${steps}${breakdowns}`.value;
}

const kept = new WeakMap<OfficeStatistics, Map<string, string>>();

/**
 * The markup, built once per figures: the figures are cached per reader and period for a
 * minute (the same object for every request in that time), so their markup is kept on that
 * object and goes when they go. Everything else it depends on is in the key.
 */
export function keptOfficeDashboardHtml(view: DashboardView): string {
  const key = [view.period.from, view.period.to, view.invalid, view.locale, view.timeZone].join("|");
  let forStats = kept.get(view.stats);
  if (!forStats) kept.set(view.stats, (forStats = new Map()));
  let built = forStats.get(key);
  if (built === undefined) {
    built = officeDashboardHtml(view);
    forStats.set(key, built);
  }
  return built;
}

/** A table of figures by stage or step under its heading: each row's name, then its figures. */
function figureTable({
  title,
  head,
  testId,
  rows,
}: {
  title: string;
  head: string[];
  testId: string;
  rows: { key: string; name: string; figures: string[] }[];
}): Html {
  const body = rows.map((row) => {
    const figures = row.figures.map((figure) => markup`<td class="${tdClass} text-right tabular-nums">${figure}</td>`);
    return markup`<tr data-key="${row.key}"><th scope="row" class="${tdClass} text-left font-normal">${row.name}</th>${figures}</tr>`;
  });
  const table = dataTableHtml({
    label: title,
    head,
    figuresFrom: 1,
    className: "w-full border-collapse",
    testId,
    rows: body,
  });
  return markup`<div class="space-y-3"><h2 class="text-xl font-bold text-brand-900">${title}</h2>${table}</div>`;
}
