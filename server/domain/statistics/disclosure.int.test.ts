/**
 * Disclosure control against a real database (PGlite and PostgreSQL): a Kepala Dinas, from
 * whom a leadership case is hidden, holds his exact dashboard and the open data at the same
 * moment and tries every possibility for a hidden case; an outsider keeps snapshots of the
 * open data while a report arrives, an old case moves on and a late offline report is entered.
 * The adversary reads the protection rule from the open data itself (what a noise of how much,
 * what "< 3" means, which months are in), as a real one would.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { statisticsLabels } from "../../http/statistics-labels.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../cases/display-order.ts";
import { computeOfficeStatistics } from "./office-statistics.ts";
import { statisticsJson } from "./open-data.ts";
import { computePublicStatistics } from "./public-statistics.ts";
import { seededRandom } from "../../testing/seeded-random.ts";
import { statisticsTimeline, type StatisticsCaseRow } from "../../testing/statistics-case-row.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};

const YEAR = 2025;
const NOW = new Date("2026-03-02T03:00:00Z");
const SECRET = Buffer.alloc(32, 9);
const HOUR = 3_600_000;
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`);
const STAGES = STATUS_ORDER.filter((s) => s !== "ARCHIVED");

interface Row extends StatisticsCaseRow {
  leadership: boolean;
  key: number;
}

const r = seededRandom(14);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const newRow = (receivedAt: Date, over: Partial<Row> = {}): Row => ({
  id: randomUUID(),
  receivedAt,
  category: r() < 0.6 ? pick(CATEGORY_ORDER.slice(0, 3)) : pick(CATEGORY_ORDER),
  channel: r() < 0.7 ? "PORTAL" : pick(CHANNEL_ORDER),
  status: pick(STAGES),
  leadership: false,
  key: Math.floor(r() * 2 ** 32) - 2 ** 31,
  ...over,
});

/** Visible cases over 2025 and early 2026, and one leadership case hidden from the Kepala Dinas. */
const visible: Row[] = Array.from({ length: 70 }, () =>
  newRow(new Date(Date.parse("2025-01-01T01:00:00Z") + Math.floor(r() * 420 * 24) * HOUR)),
);
const hidden = newRow(new Date("2025-05-14T03:00:00Z"), {
  category: "GRATIFICATION",
  channel: "SMS",
  status: "RECORDED",
  leadership: true,
});

let sequence = 0;
async function insert(list: Row[], enteredAt?: Date) {
  const entered = (c: Row) => enteredAt ?? c.receivedAt;
  await handle.db.case.createMany({
    data: list.map((c) => ({
      id: c.id,
      reference: `UJI-${sequence}`,
      year: 9000,
      sequence: sequence++,
      status: c.status,
      channel: c.channel,
      category: c.category,
      identityMode: "ANONYMOUS" as const,
      involvesLeadership: c.leadership,
      recordKey: c.key,
      wrappedKey: new Uint8Array(60),
      keyVersion: 1,
      payload: new Uint8Array(40),
      receivedAt: c.receivedAt,
      submittedAt: entered(c),
      recordDueAt: c.receivedAt,
      responseDueAt: c.receivedAt,
    })),
  });
  await handle.db.timelineEvent.createMany({
    // Every case reached its stage a day after it was entered.
    data: list.flatMap((c) =>
      statisticsTimeline(c, entered(c), new Date(entered(c).getTime() + 24 * HOUR), "SUBMITTED"),
    ),
  });
}

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
  await insert([...visible, hidden]);
}, 300_000);
afterAll(() => handle?.close());

const officeMonth = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit" })
    .format(d)
    .slice(0, 7);

type Json = ReturnType<typeof statisticsJson>;
interface Figure {
  /** Published months whose counts make up this figure. */
  months: string[];
  dim: "total" | "category" | "channel" | "status";
  key: string;
  shown: unknown;
}

/** Every count the open data publishes for the year, as the adversary reads it. */
function figuresOf(json: Json): Figure[] {
  const tables = json.tables as Record<string, { cells: { key: string; value: unknown }[] }>;
  // Older publications named no months: then every month of the year is in every figure.
  const months = (json as { publishedMonths?: string[] }).publishedMonths ?? MONTHS;
  const out: Figure[] = tables
    .byMonth!.cells.filter((c) => c.value !== null)
    .map((c) => ({ months: [c.key], dim: "total", key: "", shown: c.value }));
  for (const [table, dim] of [
    ["byCategory", "category"],
    ["byChannel", "channel"],
    ["byStatus", "status"],
  ] as const) {
    for (const c of tables[table]!.cells) if (c.value !== null) out.push({ months, dim, key: c.key, shown: c.value });
  }
  return out;
}

type Hypothesis = null | { month: string; category: string; channel: string; status: string };

/**
 * The Kepala Dinas's reasoning: he knows every case he can see (month, kind, channel, stage),
 * not their keys, and the published rule. A hypothesis about the hidden case is kept if every
 * published figure could have come out as it did.
 */
function consistent(json: Json, known: Row[]): Hypothesis[] {
  const protection = json.protection as unknown as {
    smallRange?: [number, number];
    maxNoisePerMonth?: number;
    hidden?: string;
  };
  const noise = protection.maxNoisePerMonth ?? 0;
  const [smallLo, smallHi] = protection.smallRange ?? [1, 2];
  const interval = (shown: unknown): [number, number] =>
    typeof shown === "number" ? [shown, shown] : shown === "< 3" ? [smallLo, smallHi] : [3, Number.POSITIVE_INFINITY];
  const attr = (c: Row, dim: Figure["dim"]) =>
    dim === "total" ? "" : dim === "category" ? c.category : dim === "channel" ? c.channel : c.status;
  const figures = figuresOf(json).map((f) => ({
    ...f,
    count: known.filter((c) => f.months.includes(officeMonth(c.receivedAt)) && attr(c, f.dim) === f.key).length,
  }));
  const fits = (f: (typeof figures)[number], h: Hypothesis) => {
    const inIt = h !== null && f.months.includes(h.month) && (f.dim === "total" ? "" : h[f.dim]) === f.key;
    const n = f.count + (inIt ? 1 : 0);
    const k = f.months.length;
    const [lo, hi] = interval(f.shown);
    return Math.max(0, n - noise * k) <= hi && Math.max(0, n + noise * k) >= lo;
  };
  const out: Hypothesis[] = [];
  const hypotheses: Hypothesis[] = [null];
  for (const month of MONTHS)
    for (const category of CATEGORY_ORDER)
      for (const channel of CHANNEL_ORDER)
        for (const status of STAGES) hypotheses.push({ month, category, channel, status });
  for (const h of hypotheses) if (figures.every((f) => fits(f, h))) out.push(h);
  return out;
}

describe("a Kepala Dinas with his dashboard and the open data at the same moment", () => {
  it("sees exact figures for the cases he may see, and cannot tell from the open data whether a case is hidden from him, nor its kind, channel, month or stage", async () => {
    const dashboard = await computeOfficeStatistics(
      handle.db,
      users.kadis!,
      { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
      NOW,
    );
    const mine = visible.filter((c) => officeMonth(c.receivedAt).startsWith(`${YEAR}-`));
    // The dashboard is exact for what he may see, and leaves the hidden case out.
    expect(dashboard.figures.received).toBe(mine.length);
    expect(dashboard.figures.byCategory).toEqual(
      CATEGORY_ORDER.map((key) => ({ key, count: mine.filter((c) => c.category === key).length })),
    );
    const sekretariat = await computeOfficeStatistics(
      handle.db,
      users.sekretariat!,
      { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
      NOW,
    );
    expect(sekretariat.figures.received).toBe(mine.length + 1);

    const json = statisticsJson(
      await computePublicStatistics(handle.db, YEAR, NOW, SECRET),
      statisticsLabels("id", YEAR, "DPMPTSP Kabupaten Lamandau"),
    );
    const left = consistent(json, mine);
    // Both "no case is hidden" and "one is" remain, and for the latter more than one month,
    // kind, channel and stage, the true one among them.
    expect(left).toContainEqual(null);
    const some = left.filter((h): h is NonNullable<Hypothesis> => h !== null);
    expect(some).toContainEqual({ month: "2025-05", category: "GRATIFICATION", channel: "SMS", status: "RECORDED" });
    for (const a of ["month", "category", "channel", "status"] as const)
      expect(new Set(some.map((h) => h[a])).size, a).toBeGreaterThan(1);
  });
});

describe("snapshots of the open data over time", () => {
  it("do not change when a report arrives, a case moves on, or a late offline report is entered, while the month is open", async () => {
    const at = new Date("2026-05-20T03:00:00Z");
    const snapshot = async (now: Date) => {
      const { generatedAt, ...figures } = await computePublicStatistics(handle.db, 2026, now, SECRET);
      const previous = await computePublicStatistics(handle.db, YEAR, now, SECRET);
      return { figures, previous: { ...previous, generatedAt: undefined }, generatedAt };
    };
    const before = await snapshot(at);

    // A report arrives through the portal now.
    await insert([newRow(new Date(at.getTime() + 60_000), { category: "ETHICS_VIOLATION" })]);
    // A case of January moves on now.
    const moved =
      visible.find((c) => officeMonth(c.receivedAt) === "2026-01" && c.status === "SUBMITTED") ??
      visible.find((c) => officeMonth(c.receivedAt) === "2026-01")!;
    await handle.db.case.update({ where: { id: moved.id }, data: { status: "ESCALATED" } });
    await handle.db.timelineEvent.create({
      data: {
        caseId: moved.id,
        kind: "TRANSITION",
        fromStatus: moved.status,
        toStatus: "ESCALATED",
        actorKind: "SYSTEM",
        createdAt: new Date(at.getTime() + 90_000),
      },
    });
    // An offline report received in February (published) is entered only now.
    await insert(
      [newRow(new Date("2026-02-10T03:00:00Z"), { category: "BRIBERY", channel: "IN_PERSON" })],
      new Date(at.getTime() + 120_000),
    );

    const after = await snapshot(new Date(at.getTime() + 180_000));
    expect(after.figures).toEqual(before.figures);
    expect(after.previous).toEqual(before.previous);
    // May is open: January to April are published.
    expect(before.figures.months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
  });
});
