import type { ReactNode } from "react";

export const thClass = "border-b border-slate-300 bg-slate-100 px-3 py-2 text-left text-sm font-semibold whitespace-nowrap";
export const tdClass = "border-b border-slate-200 px-3 py-2 align-top text-sm";

/** A scrollable table region that keyboard users can reach (axe: scrollable-region-focusable). */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded border border-slate-300">
      {children}
    </div>
  );
}

/** A table with one header row; each row's cells come from `cells`. */
export function Table<Row>({ label, caption, head, rows, rowKey, cells, testId }: { label: string; caption?: ReactNode; head: ReactNode[]; rows: Row[]; rowKey: (row: Row) => string; cells: (row: Row) => ReactNode[]; testId?: string }) {
  return (
    <TableRegion label={label}>
      <table className="w-full border-collapse" data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={thClass}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {cells(row).map((c, i) => (
                <td key={i} className={tdClass}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
