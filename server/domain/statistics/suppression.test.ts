import { describe, expect, it } from "vitest";
import { HIDDEN, isProtected, protectCount, protectMedian, protectShare, protectSubTable, protectTable, SMALL, type Shown } from "./suppression.ts";

const table = (...counts: number[]) => protectTable(counts.map((count, i) => ({ key: `k${i}`, count })));
const shownOf = (...counts: number[]) => table(...counts).cells.map((c) => c.shown);

/**
 * Every vector of counts a reader could hold true after seeing a published table: each cell
 * consistent with what is shown for it, all adding up to a total consistent with the shown
 * total. Brute force (independent of the interval reasoning in suppression.ts), so cells are
 * bounded by `max`, which is more than any table below adds up to.
 */
function consistentVectors(cells: readonly (Shown | null)[], total: Shown | null, withheld: boolean, max: number): number[][] {
  const fits = (shown: Shown | null, v: number) => (withheld || shown === null ? true : shown === SMALL ? v >= 1 && v <= 2 : shown === HIDDEN ? v >= 3 : v === shown);
  const out: number[][] = [];
  const walk = (i: number, acc: number[], sum: number) => {
    if (sum > max) return;
    if (i === cells.length) {
      if (fits(total, sum)) out.push([...acc]);
      return;
    }
    for (let v = 0; v <= max - sum; v++) if (fits(cells[i]!, v)) walk(i + 1, [...acc, v], sum + v);
  };
  walk(0, [], 0);
  return out;
}

/** The differencing check: no suppressed count can be worked out from the published ones. */
function expectNothingRevealed(counts: number[]) {
  const published = table(...counts);
  const vectors = consistentVectors(
    published.cells.map((c) => c.shown),
    published.total,
    published.withheld,
    counts.reduce((a, b) => a + b, 0) + 6,
  );
  // The truth is always among them (the publication never lies).
  expect(vectors).toContainEqual(counts);
  published.cells.forEach((c, i) => {
    if (typeof c.shown === "number") return;
    const values = new Set(vectors.map((v) => v[i]));
    expect(values.size, `cell ${i} of [${counts}] is revealed as ${[...values]}`).toBeGreaterThan(1);
  });
  if (typeof published.total !== "number") expect(new Set(vectors.map((v) => v.reduce((a, b) => a + b, 0))).size).toBeGreaterThan(1);
  for (const c of published.cells) if (c.shown !== null && typeof c.shown === "number") expect(c.shown === 0 || c.shown >= 3).toBe(true);
}

describe("protectTable", () => {
  it("shows 0 and counts of 3 or more as they are and has nothing to hide without small cells", () => {
    expect(table(0, 3, 10, 4)).toEqual({ withheld: false, total: 17, cells: [{ key: "k0", shown: 0 }, { key: "k1", shown: 3 }, { key: "k2", shown: 10 }, { key: "k3", shown: 4 }] });
  });

  it('shows 1 and 2 as "< 3" and hides the smallest other cell when one small cell could be subtracted out', () => {
    // 20 − 5 − 10 would give the 2 away: the 5 is hidden too.
    expect(shownOf(2, 5, 10, 0)).toEqual([SMALL, HIDDEN, 10, 0]);
    expect(table(2, 5, 10, 0).total).toBe(17);
  });

  it("keeps two small cells as they are when their sum leaves both undetermined", () => {
    // Hidden sum 3 = 1 + 2 or 2 + 1.
    expect(shownOf(1, 2, 10)).toEqual([SMALL, SMALL, 10]);
  });

  it("adds secondary suppression when small cells can only add up one way", () => {
    // Hidden sum 2 with two "< 3" cells means both are 1.
    expect(shownOf(1, 1, 10, 7)).toEqual([SMALL, SMALL, HIDDEN, HIDDEN].map((s, i) => (i === 2 ? 10 : s)));
  });

  it("withholds a breakdown that cannot be protected cell by cell, keeping the total", () => {
    expect(table(1, 1, 1, 0)).toEqual({ withheld: true, total: 3, cells: ["k0", "k1", "k2", "k3"].map((key) => ({ key, shown: null })) });
    expect(table(1, 1).withheld).toBe(true);
  });

  it('shows a total of 1 or 2 as "< 3"', () => {
    const t = table(2, 0, 0);
    expect(t.total).toBe(SMALL);
    expect(t.cells.map((c) => c.shown)).toEqual([SMALL, 0, 0]);
  });

  it("publishes nothing a reader could use to work out a suppressed count (exhaustive over small tables)", () => {
    const values = [0, 1, 2, 3, 4, 6];
    let checked = 0;
    for (const a of values) for (const b of values) for (const c of values) for (const d of [0, 1, 2, 5]) {
      expectNothingRevealed([a, b, c, d]);
      checked++;
    }
    expect(checked).toBe(6 * 6 * 6 * 4);
  });

  it("withstands differencing on a realistic year (twelve months, one of them with 2 reports)", () => {
    const months = [5, 7, 2, 9, 4, 3, 8, 6, 11, 4, 5, 6];
    const t = table(...months);
    expect(t.cells[2]!.shown).toBe(SMALL);
    expect(t.cells.filter((c) => c.shown === HIDDEN)).toHaveLength(1);
    expect(t.total).toBe(70);
    // The only way to "subtract": total minus every exact cell is the hidden pair's sum.
    const exact = t.cells.reduce((s, c) => s + (typeof c.shown === "number" ? c.shown : 0), 0);
    expect(70 - exact).toBe(2 + 3);
    expect(isProtected(t.cells.map((c) => c.shown!), t.total!)).toBe(true);
    expectNothingRevealed(months.slice(0, 6));
  });
});

describe("protectSubTable (a breakdown of one cell of another table)", () => {
  const fits = (shown: Shown | null, v: number) => (shown === null ? true : shown === SMALL ? v >= 1 && v <= 2 : shown === HIDDEN ? v >= 3 : v === shown);

  /**
   * Both tables at once: every parent vector consistent with the parent publication, and for
   * it every child vector (adding up to the parent's first cell) consistent with the child's.
   */
  function expectNestedNothingRevealed(parentCounts: number[], childCounts: number[]) {
    const parent = table(...parentCounts);
    const child = protectSubTable(parent.withheld ? null : parent.cells[0]!.shown, childCounts.map((count, i) => ({ key: `c${i}`, count })));
    const max = parentCounts.reduce((a, b) => a + b, 0) + 4;
    const solutions: number[][] = [];
    for (const p of consistentVectors(parent.cells.map((c) => c.shown), parent.total, parent.withheld, max)) {
      if (!fits(child.total, p[0]!)) continue;
      for (const c of consistentVectors(child.cells.map((x) => x.shown), child.total, child.withheld, p[0]!)) {
        if (c.reduce((a, b) => a + b, 0) === p[0]) solutions.push([...p, ...c]);
      }
    }
    expect(solutions).toContainEqual([...parentCounts, ...childCounts]);
    const shown = [...parent.cells.map((c) => c.shown), ...child.cells.map((c) => c.shown)];
    shown.forEach((s, i) => {
      if (typeof s === "number") return;
      expect(new Set(solutions.map((v) => v[i])).size, `value ${i} of ${parentCounts}/${childCounts} revealed`).toBeGreaterThan(1);
    });
  }

  it("is protected like any table under an exact or small parent, and withheld under a hidden one", () => {
    expect(protectSubTable(10, [{ key: "a", count: 8 }, { key: "b", count: 2 }]).cells.map((c) => c.shown)).toEqual([HIDDEN, SMALL]);
    expect(protectSubTable(HIDDEN, [{ key: "a", count: 3 }])).toEqual({ withheld: true, total: null, cells: [{ key: "a", shown: null }] });
    expect(protectSubTable(null, [{ key: "a", count: 3 }]).total).toBeNull();
  });

  it("publishes nothing that pins down a hidden count in either table (exhaustive over small pairs)", () => {
    for (const archived of [0, 1, 2, 3, 4, 6]) {
      for (const [other1, other2] of [[0, 5], [1, 4], [2, 3], [3, 3], [1, 1]]) {
        for (let a = 0; a <= archived; a++) {
          for (let b = 0; a + b <= archived; b++) expectNestedNothingRevealed([archived, other1!, other2!], [a, b, archived - a - b]);
        }
      }
    }
  });
});

describe("single figures", () => {
  it('shows a lone count of 1 or 2 as "< 3"', () => {
    expect([0, 1, 2, 3].map(protectCount)).toEqual([0, SMALL, SMALL, 3]);
  });

  it("publishes a share, in whole percent, only when neither part is 1 or 2", () => {
    expect(protectShare(9, 12)).toBe(75);
    expect(protectShare(12, 12)).toBe(100);
    expect(protectShare(0, 12)).toBe(0);
    // 10 of 12: the late part (2) would show in the share.
    expect(protectShare(10, 12)).toBeNull();
    expect(protectShare(2, 2)).toBeNull();
  });

  it("publishes a median only with at least three cases behind it", () => {
    expect(protectMedian(4.5, 2)).toBeNull();
    expect(protectMedian(4.5, 3)).toBe(4.5);
  });
});
