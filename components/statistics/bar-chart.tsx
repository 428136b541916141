/**
 * A horizontal bar chart drawn on the server as SVG: it needs no JavaScript, loads nothing and
 * uses presentation attributes and classes only (no style attributes, strict CSP). The figures
 * are repeated in the table beside it, which is what assistive technology reads; the chart
 * itself is one labelled image.
 */
import { CHART_WIDTH, chartHeight, placeBars, type Bar } from "./bar-layout.ts";

export type { Bar } from "./bar-layout.ts";

export function BarChart({ bars, title, format }: { bars: Bar[]; title: string; format: (n: number) => string }) {
  return (
    <svg
      viewBox={`0 0 ${CHART_WIDTH} ${chartHeight(bars)}`}
      role="img"
      aria-label={title}
      className="h-auto w-full"
      data-testid="bar-chart"
    >
      {placeBars(bars, format).map((b) => (
        <g key={b.key}>
          <text x={0} y={b.y + 15} className="fill-slate-800 text-[15px]">
            {b.label}
          </text>
          {b.shape === "exact" ? (
            <rect x={0} y={b.y + 21} width={b.width} height={16} rx={2} className="fill-brand-700" />
          ) : b.shape === "stub" ? (
            <rect
              x={1}
              y={b.y + 22}
              width={b.width}
              height={14}
              rx={2}
              className="fill-white stroke-brand-700"
              strokeWidth={2}
              strokeDasharray="4 3"
            />
          ) : null}
          <text x={b.width + 8} y={b.y + 34} className="fill-slate-900 text-[14px] font-semibold">
            {b.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
