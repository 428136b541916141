import type { ProtectedTable } from "@/server/domain/statistics/suppression.ts";
import { BarChart } from "./bar-chart.tsx";
import type { Bar } from "./bar-layout.ts";
import { StatTable } from "./stat-table.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

export interface SectionText {
  title: string;
  chart: string;
  keyHeader: string;
  countHeader: string;
  totalLabel: string;
  withheld: string;
}

/** One breakdown: heading, the SVG chart and, beside it, the table of the same numbers. */
export function StatSection({
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
}) {
  const bars: Bar[] = table.cells.map((c) => ({ key: c.key, label: label(c.key), value: c.shown }));
  return (
    <HeadedSection id={id} title={text.title} size="medium" className="space-y-3" testId={`section-${id}`}>
      {table.withheld ? (
        <p className="rounded border-l-4 border-amber-accent bg-amber-50 p-3">{text.withheld}</p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        {table.withheld ? null : (
          <figure>
            <BarChart bars={bars} title={text.chart} format={format} />
          </figure>
        )}
        <StatTable
          caption={text.title}
          keyHeader={text.keyHeader}
          countHeader={text.countHeader}
          rows={table.withheld ? [] : bars}
          total={{ label: text.totalLabel, value: table.total }}
          format={format}
          testId={`table-${id}`}
        />
      </div>
    </HeadedSection>
  );
}
