/**
 * A horizontal bar chart drawn on the server as SVG: it needs no JavaScript, loads nothing and
 * uses presentation attributes and classes only (no style attributes, strict CSP). The figures
 * are repeated in the table beside it, which is what assistive technology reads; the chart
 * itself is one labelled image.
 */
import type { Shown } from "@/server/domain/statistics/suppression.ts";
import { SMALL } from "@/server/domain/statistics/suppression.ts";

export interface Bar {
  key: string;
  label: string;
  /** A count, "< 3", or null (not published). */
  value: Shown | null;
}

const WIDTH = 480;
const ROW = 44;
const BAR_MAX = 400;

export function BarChart({ bars, title, format }: { bars: Bar[]; title: string; format: (n: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === "number" ? b.value : 0)));
  const height = bars.length * ROW + 4;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      className="h-auto w-full"
      data-testid="bar-chart"
    >
      {bars.map((b, i) => {
        const y = i * ROW;
        const exact = typeof b.value === "number";
        // "< 3" is drawn as an outlined stub so it is not read as a precise length.
        const width = exact
          ? Math.round(((b.value as number) / max) * BAR_MAX)
          : b.value === SMALL
            ? Math.max(6, Math.round((2 / max) * BAR_MAX))
            : 0;
        const text = b.value === null ? "–" : exact ? format(b.value as number) : SMALL;
        return (
          <g key={b.key}>
            <text x={0} y={y + 15} className="fill-slate-800 text-[15px]">
              {b.label}
            </text>
            {exact ? (
              <rect x={0} y={y + 21} width={width} height={16} rx={2} className="fill-brand-700" />
            ) : width > 0 ? (
              <rect
                x={1}
                y={y + 22}
                width={width}
                height={14}
                rx={2}
                className="fill-white stroke-brand-700"
                strokeWidth={2}
                strokeDasharray="4 3"
              />
            ) : null}
            <text x={width + 8} y={y + 34} className="fill-slate-900 text-[14px] font-semibold">
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
