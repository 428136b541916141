import type { ReactNode } from "react";

export const thClass =
  "border-b border-slate-300 bg-slate-100 px-3 py-2 text-left text-sm font-semibold whitespace-nowrap";
export const tdClass = "border-b border-slate-200 px-3 py-2 align-top text-sm";

/** A scrollable table region that keyboard users can reach (axe: scrollable-region-focusable). */
function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded border border-slate-300">
      {children}
    </div>
  );
}

/**
 * A scrollable table with one header row of column headings; `children` are its body rows.
 * The headings of the columns from `figuresFrom` on stand right, over their figures.
 */
export function DataTable({
  label,
  caption,
  head,
  figuresFrom,
  className = "w-full min-w-[44rem] border-collapse",
  testId,
  children,
}: {
  label: string;
  caption?: ReactNode;
  head: ReactNode[];
  figuresFrom?: number;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableRegion label={label}>
      <table className={className} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={figuresFrom !== undefined && i >= figuresFrom ? `${thClass} text-right` : thClass}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
