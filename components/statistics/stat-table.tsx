/** The accessible twin of a chart: the same figures as a plain table with a caption and a total. */
import type { Shown } from "@/server/domain/statistics/suppression.ts";
import { figureText, type Bar } from "./bar-layout.ts";

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
  const show = (v: Shown | null) => figureText(v, format);
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
          <Row key={r.key} dataKey={r.key} label={r.label} value={show(r.value)} />
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <Row dataKey="TOTAL" label={total.label} value={show(total.value)} total />
        </tfoot>
      ) : null}
    </table>
  );
}

/** One figure with its name; the total's row is set off and bold. */
function Row({ dataKey, label, value, total }: { dataKey: string; label: string; value: string; total?: boolean }) {
  return (
    <tr
      className={total ? "border-t-2 border-slate-400 font-semibold" : "border-b border-slate-200"}
      data-key={dataKey}
    >
      <th scope="row" className={total ? "py-1.5 pr-3" : "py-1.5 pr-3 font-normal"}>
        {label}
      </th>
      <td className="py-1.5 text-right tabular-nums">{value}</td>
    </tr>
  );
}
