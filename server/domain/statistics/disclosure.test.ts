/**
 * Disclosure control of the public statistics as pure functions, judged against adversaries:
 * an insider who knows every case but a hidden one (and none of the secret record keys), and
 * anyone who keeps snapshots over time. The adversary's reasoning is written here, apart from
 * the implementation: it only knows the published rule (noise of at most ±2 per monthly cell,
 * "< 3" for 0–2, year figures as sums of the published months).
 */
import { describe, expect, it } from "vitest";
import {
  cellKey,
  cellSalt,
  MAX_NOISE,
  noiseFor,
  perturb,
  perturbSum,
  PERTURBATION_TABLE,
  showPerturbed,
  type CellRecords,
} from "./cell-key.ts";
import { countingInstant, lastPublishedMonth, monthCutoff, publishedMonths, RELEASE_LAG_DAYS } from "./release.ts";
import { median, stableMedianDays, stableShare, toOfficeDays } from "./stable-figures.ts";
import { SMALL, type Shown } from "./suppression.ts";
import { seededRandom } from "../../testing/seeded-random.ts";

const TZ = "Asia/Jakarta";

describe("cell-key perturbation", () => {
  it("has a table of zero mean over −2…+2 that covers every key", () => {
    const total = PERTURBATION_TABLE.reduce((s, r) => s + r.p, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(PERTURBATION_TABLE.reduce((s, r) => s + r.p * r.noise, 0)).toBeCloseTo(0, 12);
    expect(Math.max(...PERTURBATION_TABLE.map((r) => Math.abs(r.noise)))).toBe(MAX_NOISE);
    for (const key of [0, 0.005, 0.0100001, 0.5, 0.999999])
      expect(Math.abs(noiseFor(key))).toBeLessThanOrEqual(MAX_NOISE);
  });

  it("gives the same cell the same value every time, noise to empty cells too (through their salt), and never a negative", () => {
    const r = seededRandom(1);
    const secret = Buffer.alloc(32, 7);
    const noisyEmpty = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const count = Math.floor(r() * 6);
      const keySum = BigInt(Math.floor(r() * 2 ** 31)) * BigInt(count) - 12345n;
      const cell = { count, keySum, salt: cellSalt(secret, `2026-0${1 + (i % 9)}|category|K${i}`) };
      const v = perturb(cell);
      expect(perturb({ ...cell })).toBe(v);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Math.abs(v - count)).toBeLessThanOrEqual(MAX_NOISE);
      if (count === 0) noisyEmpty.add(v);
    }
    expect(noisyEmpty.size).toBeGreaterThan(1);
    // The salt is a function of the secret and the cell's name only.
    expect(cellSalt(secret, "2026-03|total|")).toBe(cellSalt(Buffer.alloc(32, 7), "2026-03|total|"));
    expect(cellSalt(secret, "2026-03|total|")).not.toBe(cellSalt(Buffer.alloc(32, 8), "2026-03|total|"));
    // Key sums wrap modulo 2^32, negative sums included (the column holds signed 32-bit keys).
    expect(cellKey(2n ** 32n + 5n)).toBe(cellKey(5n));
    expect(cellKey(-1n)).toBe((2 ** 32 - 1) / 2 ** 32);
    // A year figure sums counts and noises before the floor at 0.
    expect(perturbSum([{ count: 0, keySum: 0n, salt: 0n }])).toBe(Math.max(0, noiseFor(0)));
  });

  it('shows every value under 3 as "< 3", 0 included', () => {
    expect([0, 1, 2, 3, 10].map(showPerturbed)).toEqual([SMALL, SMALL, SMALL, 3, 10]);
  });

  it("is unbiased in the long run (many cells of the same size)", () => {
    const r = seededRandom(2);
    let sum = 0;
    const cells = 20_000;
    for (let i = 0; i < cells; i++) sum += perturb({ count: 10, keySum: BigInt(Math.floor(r() * 2 ** 32)), salt: 0n });
    expect(sum / cells).toBeGreaterThan(9.97);
    expect(sum / cells).toBeLessThan(10.03);
  });
});

describe("release calendar", () => {
  it("publishes a month only after it has closed and the lag has passed", () => {
    expect(monthCutoff("2026-03", TZ)).toEqual(
      new Date(`2026-04-${String(1 + RELEASE_LAG_DAYS).padStart(2, "0")}T00:00:00+07:00`),
    );
    expect(monthCutoff("2026-12", TZ)).toEqual(
      new Date(`2027-01-${String(1 + RELEASE_LAG_DAYS).padStart(2, "0")}T00:00:00+07:00`),
    );
    const now = new Date("2026-04-16T00:30:00+07:00");
    expect(publishedMonths(2026, now, TZ)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(publishedMonths(2026, new Date("2026-04-15T23:59:00+07:00"), TZ)).toEqual(["2026-01", "2026-02"]);
    expect(lastPublishedMonth(now, TZ)).toBe("2026-03");
    expect(lastPublishedMonth(new Date("2026-01-10T10:00:00+07:00"), TZ)).toBe("2025-11");
    expect(publishedMonths(2025, now, TZ)).toHaveLength(12);
  });

  it("never counts a case in a month that was published before the case was entered", () => {
    const r = seededRandom(3);
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let i = 0; i < 3000; i++) {
      const received = new Date(start + r() * 400 * 86_400_000);
      // Offline reports may be entered long after they were received.
      const entered = new Date(received.getTime() + (r() < 0.5 ? 0 : r() * 90 * 86_400_000));
      const at = countingInstant(received, entered);
      const month = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit" })
        .format(at)
        .slice(0, 7);
      expect(at.getTime()).toBeGreaterThanOrEqual(received.getTime());
      expect(entered.getTime()).toBeLessThan(monthCutoff(month, TZ).getTime());
    }
  });
});

describe("stable medians and shares", () => {
  it("publish a median only when one case more (of any value) or less leaves it as shown", () => {
    const r = seededRandom(4);
    let published = 0;
    for (let i = 0; i < 400; i++) {
      const n = 3 + Math.floor(r() * 30);
      const xs = Array.from({ length: n }, () => Math.floor(r() * (r() < 0.5 ? 600 : 6000)));
      const shown = stableMedianDays(xs, 480);
      if (shown === null) continue;
      published++;
      const sorted = [...xs].sort((a, b) => a - b);
      for (let j = 0; j < n; j++) expect(toOfficeDays(median(sorted.filter((_, k) => k !== j))!, 480)).toBe(shown);
      for (const extra of [0, 1, 100, 479, 480, 2000, 99_999])
        expect(toOfficeDays(median([...xs, extra].sort((a, b) => a - b))!, 480)).toBe(shown);
    }
    expect(published).toBeGreaterThan(20);
    expect(stableMedianDays([10, 20, 30, 40], 480)).toBeNull();
  });

  it("publish a share only when one case's steps (up to 7, any of them on time) cannot change it", () => {
    expect(stableShare(300, 400, 7)).toBe(75);
    // 0.7625 sits near the edge between 75 and 80: one case could tip it.
    expect(stableShare(305, 400, 7)).toBeNull();
    expect(stableShare(9, 12, 7)).toBeNull();
    for (let within = 0; within <= 400; within++) {
      const shown = stableShare(within, 400, 7);
      if (shown === null) continue;
      for (let a = 0; a <= 7; a++)
        for (let b = 0; b <= a; b++) {
          if (within >= b) expect(Math.round(((within - b) / (400 - a)) * 20) * 5).toBe(shown);
          expect(Math.round(((within + b) / (400 + a)) * 20) * 5).toBe(shown);
        }
    }
  });
});

// --- the adversaries -----------------------------------------------------------------------

const CATEGORIES = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
const CHANNELS = ["P", "S", "T", "M", "K", "L"];
const STAGES = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "ARCHIVED", "s9"];
const MONTHS = 12;

interface Case {
  month: number;
  category: string;
  channel: string;
  stage: string;
  key: number;
}
type Cells = Map<string, CellRecords>;

/** The monthly cells of a list of cases, as published-aggregates.ts counts them. */
function cellsOf(cases: Case[]): Cells {
  const cells: Cells = new Map();
  const add = (id: string, key: number) => {
    const c = cells.get(id) ?? { count: 0, keySum: 0n };
    cells.set(id, { count: c.count + 1, keySum: c.keySum + BigInt(key) });
  };
  for (const c of cases) {
    add(`${c.month}|total`, c.key);
    add(`${c.month}|category|${c.category}`, c.key);
    add(`${c.month}|channel|${c.channel}`, c.key);
    add(`${c.month}|status|${c.stage}`, c.key);
  }
  return cells;
}

const SECRET = Buffer.alloc(32, 42);
const salted = (cells: Cells, id: string) => ({
  ...(cells.get(id) ?? { count: 0, keySum: 0n }),
  salt: cellSalt(SECRET, id),
});

/** What the public sees: per month the total; per year each breakdown cell (months summed). */
type Publication = Map<string, Shown>;
function publish(cells: Cells, exact = false): Publication {
  const out: Publication = new Map();
  for (let m = 0; m < MONTHS; m++)
    out.set(
      `month|${m}`,
      exact ? (cells.get(`${m}|total`)?.count ?? 0) : showPerturbed(perturb(salted(cells, `${m}|total`))),
    );
  for (const [dim, keys] of [
    ["category", CATEGORIES],
    ["channel", CHANNELS],
    ["status", STAGES],
  ] as const) {
    for (const k of keys) {
      const months = Array.from({ length: MONTHS }, (_, m) => salted(cells, `${m}|${dim}|${k}`));
      out.set(`${dim}|${k}`, exact ? months.reduce((s, c) => s + c.count, 0) : showPerturbed(perturbSum(months)));
    }
  }
  return out;
}

/**
 * Values a figure made of monthly cells of the given counts can be published as, for someone
 * who knows the counts but neither keys nor salts: each month's count plus a noise of at most
 * ±`noise`, summed, at least 0.
 */
function sumReachable(counts: number[], noise: number): Set<number> {
  const lo = counts.reduce((s, n) => s + n - noise, 0);
  const hi = counts.reduce((s, n) => s + n + noise, 0);
  const out = new Set<number>();
  for (let v = lo; v <= hi; v++) out.add(Math.max(0, v));
  return out;
}

type Hypothesis = null | { month: number; category: string; channel: string; stage: string };

/**
 * The insider: knows every visible case (not their keys) and the published rule; tries every
 * possibility for the hidden case — none, or any month, category, channel and stage — and
 * keeps those under which every published figure could have come out as it did.
 */
function consistentHypotheses(visible: Case[], published: Publication, exact: boolean): Hypothesis[] {
  const noise = exact ? 0 : MAX_NOISE;
  const base = cellsOf(visible);
  const count = (id: string, h: Hypothesis) => {
    let n = base.get(id)?.count ?? 0;
    if (h) {
      const [m, dim, k] = id.split("|");
      if (
        Number(m) === h.month &&
        (dim === "total" ||
          (dim === "category" && k === h.category) ||
          (dim === "channel" && k === h.channel) ||
          (dim === "status" && k === h.stage))
      )
        n++;
    }
    return n;
  };
  const fits = (shown: Shown, values: Set<number>) =>
    [...values].some((v) => (exact ? v === shown : showPerturbed(v) === shown));
  // Each figure depends on the hypothesis only through whether (and in which month) the hidden
  // case is in it: work out, per figure, "fits without it" and "fits with it in month m".
  const figures = [...published].map(([id, shown]) => {
    const [dim, k] = id.split("|") as [string, string];
    const counts = (h: Hypothesis) =>
      dim === "month"
        ? [count(`${k}|total`, h)]
        : Array.from({ length: MONTHS }, (_, m) => count(`${m}|${dim}|${k}`, h));
    const probe = (month: number): Hypothesis => ({
      month,
      category: dim === "category" ? k : "",
      channel: dim === "channel" ? k : "",
      stage: dim === "status" ? k : "",
    });
    return {
      affected: (h: NonNullable<Hypothesis>) =>
        dim === "month"
          ? h.month === Number(k)
          : dim === "category"
            ? h.category === k
            : dim === "channel"
              ? h.channel === k
              : h.stage === k,
      without: fits(shown, sumReachable(counts(null), noise)),
      withIn: Array.from({ length: MONTHS }, (_, m) =>
        dim === "month" && m !== Number(k) ? false : fits(shown, sumReachable(counts(probe(m)), noise)),
      ),
    };
  });
  const out: Hypothesis[] = [];
  if (figures.every((f) => f.without)) out.push(null);
  for (let month = 0; month < MONTHS; month++)
    for (const category of CATEGORIES)
      for (const channel of CHANNELS)
        for (const stage of STAGES) {
          const h = { month, category, channel, stage };
          if (figures.every((f) => (f.affected(h) ? f.withIn[month] : f.without))) out.push(h);
        }
  return out;
}

function population(seed: number, size: number): Case[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  // Skewed like a real office: most reports of few kinds and channels.
  return Array.from({ length: size }, () => ({
    month: Math.floor(r() * MONTHS),
    category: r() < 0.6 ? pick(CATEGORIES.slice(0, 3)) : pick(CATEGORIES),
    channel: r() < 0.7 ? "P" : pick(CHANNELS),
    stage: r() < 0.5 ? "ARCHIVED" : pick(STAGES),
    key: Math.floor(r() * 2 ** 32) - 2 ** 31,
  }));
}

describe("adversary: an insider who sees every case but one", () => {
  const hidden: Case = { month: 4, category: "G", channel: "S", stage: "s3", key: 0 };

  it("learns the hidden case's existence, kind, channel, month and stage from exact figures (the adversary works)", () => {
    const visible = population(11, 60);
    const truth = [...visible, { ...hidden, key: 123 }];
    const left = consistentHypotheses(visible, publish(cellsOf(truth), true), true);
    expect(left).toEqual([{ month: 4, category: "G", channel: "S", stage: "s3" }]);
  });

  it("is left with more than one possibility for existence, kind, channel, month and stage", () => {
    const visible = population(11, 60);
    const r = seededRandom(12);
    const truth = [...visible, { ...hidden, key: Math.floor(r() * 2 ** 32) - 2 ** 31 }];
    for (const world of [truth, visible]) {
      const left = consistentHypotheses(visible, publish(cellsOf(world)), false);
      // Both "there is none" and "there is one" remain.
      expect(left).toContainEqual(null);
      const some = left.filter((h): h is NonNullable<Hypothesis> => h !== null);
      expect(some.length).toBeGreaterThan(1);
      for (const attr of ["month", "category", "channel", "stage"] as const)
        expect(new Set(some.map((h) => h[attr])).size, attr).toBeGreaterThan(1);
      if (world === truth) expect(some).toContainEqual({ month: 4, category: "G", channel: "S", stage: "s3" });
    }
  });

  it("rarely learns for certain that a hidden case exists, over many draws of the secret keys", () => {
    // A bounded noise cannot hide the top of its range every time: when the hidden case's
    // monthly total draws +2 the figure is one more than visible cases could give (1% in the
    // table); a year figure would need all its months at +2 at once. Measured here over whole
    // publications.
    const visible = population(21, 40);
    const r = seededRandom(22);
    let certain = 0;
    const draws = 40;
    for (let i = 0; i < draws; i++) {
      const keyed = visible.map((c) => ({ ...c, key: Math.floor(r() * 2 ** 32) - 2 ** 31 }));
      const truth = [...keyed, { ...hidden, key: Math.floor(r() * 2 ** 32) - 2 ** 31 }];
      if (!consistentHypotheses(visible, publish(cellsOf(truth)), false).includes(null)) certain++;
    }
    expect(certain / draws).toBeLessThanOrEqual(0.05);
  });
});

describe("adversary: snapshots over time", () => {
  it("sees nothing move when a report arrives or a case moves while its month is open", () => {
    const now = new Date("2026-05-20T10:00:00+07:00");
    const later = new Date("2026-05-20T10:01:00+07:00");
    // Published months do not change within the open month; the new report counts in May,
    // published only from its cut-off, by when the whole month is in.
    expect(publishedMonths(2026, later, TZ)).toEqual(publishedMonths(2026, now, TZ));
    const at = countingInstant(later, later);
    expect(at.getTime()).toBeGreaterThan(monthCutoff("2026-04", TZ).getTime() - RELEASE_LAG_DAYS * 86_400_000);
    expect(publishedMonths(2026, new Date(monthCutoff("2026-05", TZ).getTime() - 1), TZ)).not.toContain("2026-05");
  });

  it("cannot tie the change at a month's publication to one report: the new figures are perturbed once, and for good", () => {
    // Before the cut-off the month is not published; after it, its figures are there and stay.
    // An insider who knows every report of the month but one is in the position tested above.
    const month = population(31, 8).map((c) => ({ ...c, month: 0 }));
    const one = { month: 0, category: "B", channel: "P", stage: "s1", key: 99 };
    const withOne = publish(cellsOf([...month, one]));
    const without = publish(cellsOf(month));
    expect(publish(cellsOf([...month, one]))).toEqual(withOne);
    const left = consistentHypotheses(month, withOne, false);
    expect(left).toContainEqual(null);
    expect(left.length).toBeGreaterThan(1);
    expect(consistentHypotheses(month, without, false).length).toBeGreaterThan(1);
  });
});
