/**
 * Where each bar of a chart goes and what it says: shared by the React chart (bar-chart.tsx)
 * and its string twin (stat-section-html.ts), so both draw the same figures the same way.
 */
import type { Shown } from "@/server/domain/statistics/suppression.ts";
import { SMALL } from "@/server/domain/statistics/suppression.ts";

export interface Bar {
  key: string;
  label: string;
  /** A count, "< 3", or null (not published). */
  value: Shown | null;
}

export const CHART_WIDTH = 480;
const ROW = 44;
const BAR_MAX = 400;

export interface PlacedBar {
  key: string;
  label: string;
  /** Top of the bar's row. */
  y: number;
  /** A bar of exact length, or an outlined stub ("< 3"), or none. */
  shape: "exact" | "stub" | "none";
  width: number;
  /** The figure written after the bar. */
  text: string;
}

export function chartHeight(bars: readonly Bar[]): number {
  return bars.length * ROW + 4;
}

/** A figure as the chart and its table write it: the count, "< 3", or "–" when not published. */
export function figureText(value: Shown | null, format: (n: number) => string): string {
  return value === null ? "–" : typeof value === "number" ? format(value) : value;
}

export function placeBars(bars: readonly Bar[], format: (n: number) => string): PlacedBar[] {
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === "number" ? b.value : 0)));
  return bars.map((b, i) => {
    const exact = typeof b.value === "number";
    // "< 3" is drawn as an outlined stub so it is not read as a precise length.
    const width = exact
      ? Math.round(((b.value as number) / max) * BAR_MAX)
      : b.value === SMALL
        ? Math.max(6, Math.round((2 / max) * BAR_MAX))
        : 0;
    const shape = exact ? "exact" : width > 0 ? "stub" : "none";
    return { key: b.key, label: b.label, y: i * ROW, shape, width, text: figureText(b.value, format) };
  });
}
