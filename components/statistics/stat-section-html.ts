/**
 * The string twin of `<StatSection>` (heading, SVG chart and table of one breakdown), for
 * markup built once and kept (components/ui/html.ts); stat-section-html.test.ts compares the two.
 */
import type { ProtectedTable, Shown } from "@/server/domain/statistics/suppression.ts";
import { markup, type Html } from "@/components/ui/html.ts";
import { headedSectionHtml } from "@/components/ui/static-html.ts";
import { CHART_WIDTH, chartHeight, figureText, placeBars, type Bar } from "./bar-layout.ts";
import type { SectionText } from "./stat-section.tsx";

function barChartHtml(bars: Bar[], title: string, format: (n: number) => string): Html {
  const drawn = placeBars(bars, format).map((b) => {
    const rect =
      b.shape === "exact"
        ? markup`<rect x="0" y="${b.y + 21}" width="${b.width}" height="16" rx="2" class="fill-brand-700"></rect>`
        : b.shape === "stub"
          ? markup`<rect x="1" y="${b.y + 22}" width="${b.width}" height="14" rx="2" class="fill-white stroke-brand-700" stroke-width="2" stroke-dasharray="4 3"></rect>`
          : null;
    return markup`<g><text x="0" y="${b.y + 15}" class="fill-slate-800 text-[15px]">${b.label}</text>${rect}<text x="${b.width + 8}" y="${b.y + 34}" class="fill-slate-900 text-[14px] font-semibold">${b.text}</text></g>`;
  });
  return markup`<svg viewBox="0 0 ${CHART_WIDTH} ${chartHeight(bars)}" role="img" aria-label="${title}" class="h-auto w-full" data-testid="bar-chart">${drawn}</svg>`;
}

function rowHtml(key: string, label: string, value: string, total = false): Html {
  const rowClass = total ? "border-t-2 border-slate-400 font-semibold" : "border-b border-slate-200";
  const headClass = total ? "py-1.5 pr-3" : "py-1.5 pr-3 font-normal";
  return markup`<tr class="${rowClass}" data-key="${key}"><th scope="row" class="${headClass}">${label}</th><td class="py-1.5 text-right tabular-nums">${value}</td></tr>`;
}

function statTableHtml(p: {
  caption: string;
  keyHeader: string;
  countHeader: string;
  rows: Bar[];
  total: { label: string; value: Shown | null };
  format: (n: number) => string;
  testId: string;
}): Html {
  const rows = p.rows.map((r) => rowHtml(r.key, r.label, figureText(r.value, p.format)));
  const total = rowHtml("TOTAL", p.total.label, figureText(p.total.value, p.format), true);
  return markup`<table class="w-full border-collapse text-left text-sm" data-testid="${p.testId}"><caption class="mb-2 text-left font-semibold text-slate-800">${p.caption}</caption><thead><tr class="border-b-2 border-slate-400"><th scope="col" class="py-1.5 pr-3">${p.keyHeader}</th><th scope="col" class="py-1.5 text-right">${p.countHeader}</th></tr></thead><tbody>${rows}</tbody><tfoot>${total}</tfoot></table>`;
}

/** `<StatSection>` with the same props. */
export function statSectionHtml({
  id,
  text,
  table,
  label,
  format,
}: {
  id: string;
  text: SectionText;
  table: ProtectedTable;
  label: (key: string) => string;
  format: (n: number) => string;
}): Html {
  const bars: Bar[] = table.cells.map((c) => ({ key: c.key, label: label(c.key), value: c.shown }));
  const withheld = table.withheld
    ? markup`<p class="rounded border-l-4 border-amber-accent bg-amber-50 p-3">${text.withheld}</p>`
    : null;
  const chart = table.withheld ? null : markup`<figure>${barChartHtml(bars, text.chart, format)}</figure>`;
  const figures = statTableHtml({
    caption: text.title,
    keyHeader: text.keyHeader,
    countHeader: text.countHeader,
    rows: table.withheld ? [] : bars,
    total: { label: text.totalLabel, value: table.total },
    format,
    testId: `table-${id}`,
  });
  return headedSectionHtml({
    id,
    title: text.title,
    size: "medium",
    className: "space-y-3",
    testId: `section-${id}`,
    children: markup`${withheld}<div class="grid gap-6 md:grid-cols-2">${chart}${figures}</div>`,
  });
}
