/**
 * How a public count is shown (the rule is stated on the page and in the open data). Counts
 * are perturbed first (cell-key.ts); a perturbed value under 3 — 0, 1 or 2 — is shown as
 * "< 3", so a reader cannot tell an empty cell from one of one or two reports. A cell that is
 * not published (yet) is null.
 */

/** How a count is published: a perturbed whole number of 3 or more, or "< 3". */
export type Shown = number | typeof SMALL;
export const SMALL = "< 3";

export interface ProtectedTable<K extends string = string> {
  /** Always false for the public tables (kept for the office dashboard's table type). */
  withheld: boolean;
  /** Null: not published (a month that has not reached its cut-off). */
  cells: { key: K; shown: Shown | null }[];
  total: Shown | null;
}
