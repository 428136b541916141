/**
 * Medians and shares of the public statistics cannot be perturbed like counts, so they are
 * rounded and published only when STABLE: when adding one more case of any value, or taking
 * any one case away, would publish the same rounded figure. Then a reader who knows every case
 * but one learns nothing about that one from the figure: with or without it, the figure reads
 * the same. A figure that is not stable is not shown.
 */

/** Median of sorted values (mean of the two middle ones for an even count); null when empty. */
export function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** Office minutes → office days, one decimal. */
export const toOfficeDays = (minutes: number, dayMinutes: number) => Math.round((minutes / dayMinutes) * 10) / 10;

/** The fewest cases a median or share is ever published for. */
export const MIN_CASES = 5;

/**
 * The median in office days (one decimal), or null when it is not stable. Removing any one
 * value moves the median at most to what removing the smallest or the largest gives; adding
 * any value, at most to what adding −∞ or +∞ gives (the median is monotone in each value).
 */
export function stableMedianDays(values: readonly number[], dayMinutes: number): number | null {
  if (values.length < MIN_CASES) return null;
  const x = [...values].sort((a, b) => a - b);
  const variants = [x, x.slice(1), x.slice(0, -1), [Number.NEGATIVE_INFINITY, ...x], [...x, Number.POSITIVE_INFINITY]];
  const shown = new Set(variants.map((v) => toOfficeDays(median(v)!, dayMinutes)));
  return shown.size === 1 ? [...shown][0]! : null;
}

/** A share in percent, rounded to a multiple of SHARE_STEP. */
export const SHARE_STEP = 5;
const roundShare = (part: number, whole: number) => Math.round((part / whole) * (100 / SHARE_STEP)) * SHARE_STEP;

/**
 * Share of `part` in `whole`, in percent rounded to SHARE_STEP, or null when it is not stable:
 * one case may add or take away up to `perCase` items of the whole, any of them in the part.
 */
export function stableShare(part: number, whole: number, perCase: number): number | null {
  if (whole < MIN_CASES * perCase) return null;
  const shown = roundShare(part, whole);
  for (let items = 1; items <= perCase; items++) {
    for (let inPart = 0; inPart <= items; inPart++) {
      for (const sign of [-1, 1]) {
        const p = part + sign * inPart;
        const w = whole + sign * items;
        if (p < 0 || p > w) continue;
        if (roundShare(p, w) !== shown) return null;
      }
    }
  }
  return shown;
}
