/**
 * Small-number protection for the public statistics (DESIGN.md §7), as pure functions.
 *
 * Every published breakdown is a one-way table: cells that add up to a total (the year's
 * reports by month, by category, …). The rule, stated on the page and in the open data:
 *
 * 1. Primary suppression: a count of 1 or 2 is shown as "< 3" (the reader knows it is 1 or 2).
 *    0 and counts of 3 or more are shown as they are. A total of 1 or 2 is "< 3" too.
 * 2. Secondary suppression: if the shown cells and the total would pin down a "< 3" cell (one
 *    hidden cell is the total minus the rest; several hidden cells may only add up one way),
 *    the smallest shown cells of 3 or more are hidden as well, marked "x" (the reader knows
 *    such a cell is at least 3), until no hidden value can be worked out.
 * 3. If that is not enough (e.g. three cells of 1 and a total of 3), the whole breakdown is
 *    withheld: only its total is published.
 *
 * The tables of one period share one total (the reports received that period), and no cell
 * is published across two tables, so checking each table against its total is enough. The
 * per-year table has no grand total across years, so each year's total stands alone.
 */

/** How a count is published: exact, "< 3" (1 or 2), or "x" (3 or more, hidden to protect a "< 3"). */
export type Shown = number | typeof SMALL | typeof HIDDEN;
export const SMALL = "< 3";
export const HIDDEN = "x";
/** The smallest count shown exactly (besides 0). */
export const THRESHOLD = 3;

export interface ProtectedTable<K extends string = string> {
  /** True when the breakdown could not be protected cell by cell: every cell is null. */
  withheld: boolean;
  cells: { key: K; shown: Shown | null }[];
  /** Null only for a sub-table of a hidden cell (its total is not published either). */
  total: Shown | null;
}

/** What a reader learns about a published count: the interval it must lie in. */
export function bounds(shown: Shown): [number, number] {
  if (shown === SMALL) return [1, THRESHOLD - 1];
  if (shown === HIDDEN) return [THRESHOLD, Number.POSITIVE_INFINITY];
  return [shown, shown];
}

const primary = (n: number): Shown => (n >= 1 && n < THRESHOLD ? SMALL : n);

/**
 * The values each unknown cell (and the total) can still take given everything published,
 * by interval reasoning on the one equation "cells add up to the total". With integer
 * intervals every integer between the returned bounds is reachable.
 */
export function feasibleRanges(cells: readonly Shown[], total: Shown): { cells: [number, number][]; total: [number, number] } {
  const b = cells.map(bounds);
  const [tLo, tHi] = bounds(total);
  const sumLo = b.reduce((s, [lo]) => s + lo, 0);
  // Upper bounds may be infinite ("x"): keep the finite part and the number of infinite ones apart.
  const finiteHi = b.reduce((s, [, hi]) => s + (Number.isFinite(hi) ? hi : 0), 0);
  const infinite = b.filter(([, hi]) => !Number.isFinite(hi)).length;
  const othersHi = (hi: number) => (infinite - (Number.isFinite(hi) ? 0 : 1) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (Number.isFinite(hi) ? hi : 0));
  return {
    cells: b.map(([lo, hi]) => [Math.max(lo, tLo - othersHi(hi)), Math.min(hi, tHi - (sumLo - lo))]),
    total: [Math.max(tLo, sumLo), Math.min(tHi, infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi)],
  };
}

/** True when no unknown count (cell or total) is pinned to a single value. */
export function isProtected(cells: readonly Shown[], total: Shown): boolean {
  const ranges = feasibleRanges(cells, total);
  const open = ([lo, hi]: [number, number]) => lo < hi;
  return cells.every((c, i) => typeof c === "number" || open(ranges.cells[i]!)) && (typeof total === "number" || open(ranges.total));
}

/** Applies the rule above to one table of non-negative whole counts. */
export function protectTable<K extends string>(counts: readonly { key: K; count: number }[]): ProtectedTable<K> {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const shownTotal = primary(total);
  const shown = counts.map((c) => primary(c.count));
  while (!isProtected(shown, shownTotal)) {
    let pick = -1;
    shown.forEach((s, i) => {
      if (typeof s === "number" && s >= THRESHOLD && (pick < 0 || s < (shown[pick] as number))) pick = i;
    });
    if (pick < 0) return { withheld: true, cells: counts.map((c) => ({ key: c.key, shown: null })), total: shownTotal };
    shown[pick] = HIDDEN;
  }
  return { withheld: false, cells: counts.map((c, i) => ({ key: c.key, shown: shown[i]! })), total: shownTotal };
}

/**
 * A table breaking down one cell of another table, published as `parent`: exact or "< 3", it is
 * protected like any table (its total is the same figure); "x" or withheld, it is withheld
 * whole, total included, so it cannot pin down the hidden cell.
 */
export function protectSubTable<K extends string>(parent: Shown | null, counts: readonly { key: K; count: number }[]): ProtectedTable<K> {
  if (typeof parent === "number" || parent === SMALL) return protectTable(counts);
  return { withheld: true, cells: counts.map((c) => ({ key: c.key, shown: null })), total: null };
}

/** A single published count (no breakdown): exact, or "< 3". */
export const protectCount = (n: number): Shown => primary(n);

/**
 * A share (e.g. steps done within their standard time), in whole percent, is published only
 * when both parts are 0 or at least 3; the counts themselves are not published (the number of
 * steps done follows from the stages of the cases, so it could be set against other tables).
 */
export function protectShare(part: number, whole: number): number | null {
  const rest = whole - part;
  const safe = whole >= THRESHOLD && (part === 0 || part >= THRESHOLD) && (rest === 0 || rest >= THRESHOLD);
  return safe ? Math.round((part / whole) * 100) : null;
}

/** A median is published only when at least THRESHOLD cases stand behind it (no single case's value). */
export const protectMedian = (median: number | null, n: number): number | null => (n >= THRESHOLD ? median : null);
