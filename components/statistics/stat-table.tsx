/** The accessible twin of a chart: the same figures as a plain table with a caption and a total. */
import type { Shown } from "@/server/domain/statistics/suppression.ts";
import type { Bar } from "./bar-chart.tsx";

export function StatTable({
  caption,
  keyHeader,
  countHeader,
  rows,
  total,
  format,
  testId,
}: {
  caption: string;
  keyHeader: string;
  countHeader: string;
  rows: Bar[];
  total?: { label: string; value: Shown | null };
  format: (n: number) => string;
  testId?: string;
}) {
  const show = (v: Shown | null) => (v === null ? "–" : typeof v === "number" ? format(v) : v);
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
      <caption className="mb-2 text-left font-semibold text-slate-800">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-400">
          <th scope="col" className="py-1.5 pr-3">
            {keyHeader}
          </th>
          <th scope="col" className="py-1.5 text-right">
            {countHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-slate-200" data-key={r.key}>
            <th scope="row" className="py-1.5 pr-3 font-normal">
              {r.label}
            </th>
            <td className="py-1.5 text-right tabular-nums">{show(r.value)}</td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr className="border-t-2 border-slate-400 font-semibold" data-key="TOTAL">
            <th scope="row" className="py-1.5 pr-3">
              {total.label}
            </th>
            <td className="py-1.5 text-right tabular-nums">{show(total.value)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
