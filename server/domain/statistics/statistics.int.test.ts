/**
 * The statistics against a real database (PGlite and PostgreSQL): seeded cases, every figure
 * recomputed here from the rows themselves, the protection applied on the page's data and in
 * both downloads, and the office dashboard refused to the roles it is not for.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import type { ArchiveReason, CaseStatus, Category } from "../../generated/prisma/enums.ts";
import { officeStatisticsCsvResponse } from "../../http/staff/office-statistics-csv-response.ts";
import { statisticsDownload } from "../../http/portal/statistics-download.ts";
import { appRouter } from "../../routers/_app.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { ARCHIVE_REASON_ORDER, openCases, periodStatistics, yearPeriod } from "./aggregates.ts";
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../cases/display-order.ts";
import { clearStatisticsCache } from "./cache.ts";
import { computeOfficeStatistics } from "./office-statistics.ts";
import { computePublicStatistics } from "./public-statistics.ts";
import { cellSalt, perturb, perturbSum, showPerturbed } from "./cell-key.ts";
import { monthCutoff } from "./release.ts";
import { stableMedianDays, stableShare } from "./stable-figures.ts";
import { seededRandom } from "../../testing/seeded-random.ts";
import { statisticsTimeline, type StatisticsCaseRow } from "../../testing/statistics-case-row.ts";
import { putSetting } from "../../testing/put-setting.ts";
import { settingDefaults } from "../settings-defaults.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const createCaller = createCallerFactory(appRouter);

const YEAR = 2025;
const TZ = "Asia/Jakarta";
const NOW = new Date("2026-03-02T03:00:00Z");
const HOUR = 3_600_000;
/** Default office hours are 08:00–16:00: 480 office minutes a day. */
const DAY_MINUTES = 480;

interface Row extends StatisticsCaseRow {
  involvesLeadership: boolean;
  archivedAt: Date | null;
  archiveReason: ArchiveReason | null;
  respondedAt: Date | null;
  responseOfficeMinutes: number | null;
  dueAt: Date | null;
  steps: { step: number; completedAt: Date; officeMinutes: number; standardMinutes: number }[];
  /** Secret record key (cell-key perturbation). */
  key: number;
  /** When the case reached its current status (the timeline's last transition). */
  movedAt: Date;
}

function makeRows(): Row[] {
  const r = seededRandom(6);
  // Keys and move times from their own sequence, so the other draws stay as they were.
  const k = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const start = Date.parse("2024-11-01T00:00:00Z");
  const span = Date.parse("2026-02-01T00:00:00Z") - start;
  const common = CATEGORY_ORDER.filter((c) => c !== "ETHICS_VIOLATION");
  const rows: Row[] = [];
  const add = (receivedAt: Date, category: Category) => {
    const status = pick(STATUS_ORDER);
    const archived = status === "ARCHIVED";
    const responded = ["RESPONDED", "RESPONSE_RECEIVED"].includes(status) || (archived && r() < 0.7);
    const stepCount = archived ? 7 : Math.floor(r() * 5);
    rows.push({
      id: randomUUID(),
      receivedAt,
      category,
      channel: pick(CHANNEL_ORDER),
      status,
      involvesLeadership: r() < 0.15,
      archivedAt: archived ? new Date(receivedAt.getTime() + Math.floor(r() * 60 * 24) * HOUR) : null,
      archiveReason: archived ? pick(ARCHIVE_REASON_ORDER) : null,
      respondedAt: responded ? new Date(receivedAt.getTime() + Math.floor(r() * 30 * 24) * HOUR) : null,
      responseOfficeMinutes: responded ? Math.floor(r() * 6000) : null,
      dueAt: archived || status === "AWAITING_INFO" ? null : new Date(NOW.getTime() + (r() - 0.5) * 10 * 24 * HOUR),
      key: Math.floor(k() * 2 ** 32) - 2 ** 31,
      // A quarter of the cases reached their stage only after their month's cut-off.
      movedAt: new Date(receivedAt.getTime() + (k() < 0.25 ? 70 : 1) * 24 * HOUR),
      steps: Array.from({ length: stepCount }, (_, i) => ({
        step: i + 2,
        completedAt: new Date(receivedAt.getTime() + (i + 1) * 26 * HOUR),
        officeMinutes: Math.floor(r() * 120),
        standardMinutes: [30, 60][i % 2]!,
      })),
    });
  };
  for (let i = 0; i < 160; i++) add(new Date(start + Math.floor(r() * span)), pick(common));
  // Exactly two reports of one kind in the year: they must read "< 3" everywhere.
  add(new Date("2025-04-10T02:00:00Z"), "ETHICS_VIOLATION");
  add(new Date("2025-09-22T06:30:00Z"), "ETHICS_VIOLATION");
  // Around the year's edges in office time (UTC+7): 00:30 WIB on 1 January counts for that year.
  add(new Date("2024-12-31T17:30:00Z"), "BRIBERY");
  add(new Date("2024-12-31T16:30:00Z"), "BRIBERY");
  add(new Date("2025-12-31T17:30:00Z"), "BRIBERY");
  return rows;
}

const rows = makeRows();

async function insert(db: TestDbHandle["db"], list: Row[]) {
  await db.case.createMany({
    data: list.map((c, i) => ({
      id: c.id,
      reference: `UJI-${String(i).padStart(5, "0")}`,
      year: 9000 + Math.floor(i / 1000),
      sequence: i,
      status: c.status,
      channel: c.channel,
      category: c.category,
      identityMode: "ANONYMOUS" as const,
      involvesLeadership: c.involvesLeadership,
      recordKey: c.key,
      wrappedKey: new Uint8Array(60),
      keyVersion: 1,
      payload: new Uint8Array(40),
      receivedAt: c.receivedAt,
      submittedAt: c.receivedAt,
      archivedAt: c.archivedAt,
      archiveReason: c.archiveReason,
      respondedAt: c.respondedAt,
      responseOfficeMinutes: c.responseOfficeMinutes,
      dueAt: c.dueAt,
      recordDueAt: c.receivedAt,
      responseDueAt: c.receivedAt,
    })),
  });
  await db.timelineEvent.createMany({
    data: list.flatMap((c) => statisticsTimeline(c, c.receivedAt, c.movedAt)),
  });
  await db.stepRecord.createMany({
    data: list.flatMap((c) =>
      c.steps.map((s) => ({
        caseId: c.id,
        step: s.step,
        startedAt: c.receivedAt,
        dueAt: c.receivedAt,
        completedAt: s.completedAt,
        standardMinutes: s.standardMinutes,
        officeMinutes: s.officeMinutes,
        withinStandard: s.officeMinutes <= s.standardMinutes,
      })),
    ),
  });
}

// --- the expected figures, computed from the rows alone ------------------------------------

const officeMonth = (d: Date) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit" })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}`;
};
const inYear = (d: Date | null) => d !== null && officeMonth(d).startsWith(`${YEAR}-`);
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const countBy = <K extends string>(keys: readonly K[], list: Row[], of: (r: Row) => string | null) =>
  keys.map((key) => ({ key, count: list.filter((r) => of(r) === key).length }));

function expected(list: Row[]) {
  const received = list.filter((r) => inYear(r.receivedAt));
  const steps = list.flatMap((r) => r.steps).filter((s) => inYear(s.completedAt));
  const step2 = steps.filter((s) => s.step === 2);
  const responded = list.filter((r) => inYear(r.respondedAt));
  return {
    received: received.length,
    byMonth: Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`).map((key) => ({
      key,
      count: received.filter((r) => officeMonth(r.receivedAt) === key).length,
    })),
    byCategory: countBy(CATEGORY_ORDER, received, (r) => r.category),
    byChannel: countBy(CHANNEL_ORDER, received, (r) => r.channel),
    byStatus: countBy(STATUS_ORDER, received, (r) => r.status),
    concluded: countBy(
      ARCHIVE_REASON_ORDER,
      received.filter((r) => r.status === "ARCHIVED"),
      (r) => r.archiveReason,
    ),
    recording: { n: step2.length, medianMinutes: median(step2.map((s) => s.officeMinutes)) },
    response: { n: responded.length, medianMinutes: median(responded.map((r) => r.responseOfficeMinutes!)) },
    steps: [2, 3, 4, 5, 6, 7, 8].map((step) => {
      const done = steps.filter((s) => s.step === step);
      return {
        step,
        done: done.length,
        within: done.filter((s) => s.officeMinutes <= s.standardMinutes).length,
        medianMinutes: median(done.map((s) => s.officeMinutes)),
        standardMinutes: median(done.map((s) => s.standardMinutes)),
      };
    }),
  };
}

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
  await insert(handle.db, rows);
  clearStatisticsCache();
});
afterAll(() => handle?.close());

describe("aggregates", () => {
  it("count every figure of a year exactly as the rows say (office time zone, medians, SOP steps)", async () => {
    const want = expected(rows);
    // The seed has what the test needs: both edges of the year and several steps per kind.
    expect(want.byCategory.find((c) => c.key === "ETHICS_VIOLATION")!.count).toBe(2);
    expect(want.received).toBeGreaterThan(100);
    expect(want.steps.every((s) => s.done > 3)).toBe(true);
    const got = await periodStatistics(handle.db, yearPeriod(YEAR, TZ), TZ);
    expect({ ...got, period: undefined }).toEqual({ ...want, period: undefined });
  });

  it("count open and overdue cases by status at a given moment", async () => {
    const got = await openCases(handle.db, NOW);
    const open = rows.filter((r) => r.status !== "ARCHIVED");
    expect(got).toEqual(
      STATUS_ORDER.filter((s) => s !== "ARCHIVED").map((status) => ({
        status,
        open: open.filter((r) => r.status === status).length,
        overdue: open.filter((r) => r.status === status && r.dueAt !== null && r.dueAt < NOW).length,
      })),
    );
  });
});

const SECRET = Buffer.alloc(32, 3);
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`);

/**
 * The published figures, worked out from the rows alone: each case in the month it was
 * received (all were entered at once), at the stage it had at the month's cut-off, every
 * monthly cell perturbed by its records' keys and its salt, year figures summed over months.
 */
function expectedPublic(list: Row[]) {
  const monthOf = new Map(list.map((r) => [r, officeMonth(r.receivedAt)]));
  const byMonth = new Map(MONTHS.map((m) => [m, list.filter((r) => monthOf.get(r) === m)]));
  const cutoffs = new Map(MONTHS.map((m) => [m, monthCutoff(m, TZ)]));
  const inMonth = (m: string) => byMonth.get(m)!;
  const stageAt = (r: Row, m: string): CaseStatus =>
    r.status !== "SUBMITTED" && r.movedAt < cutoffs.get(m)! ? r.status : "SUBMITTED";
  const salted = (m: string, dim: string, key: string, rs: Row[]) => ({
    count: rs.length,
    keySum: rs.reduce((a, x) => a + BigInt(x.key), 0n),
    salt: cellSalt(SECRET, `${m}|${dim}|${key}`),
  });
  const attr = (r: Row, dim: string, m: string) =>
    dim === "category"
      ? r.category
      : dim === "channel"
        ? r.channel
        : dim === "status"
          ? stageAt(r, m)
          : stageAt(r, m) === "ARCHIVED"
            ? r.archiveReason
            : null;
  const table = (dim: string, keys: readonly string[]) =>
    keys.map((key) => ({
      key,
      shown: showPerturbed(
        perturbSum(
          MONTHS.map((m) =>
            salted(
              m,
              dim,
              key,
              inMonth(m).filter((r) => attr(r, dim, m) === key),
            ),
          ),
        ),
      ),
    }));
  const monthly = MONTHS.map((m) => perturb(salted(m, "total", "", inMonth(m))));
  return {
    received: showPerturbed(monthly.reduce((a, b) => a + b, 0)),
    byMonth: MONTHS.map((key, i) => ({ key, shown: showPerturbed(monthly[i]!) })),
    byCategory: table("category", CATEGORY_ORDER),
    byChannel: table("channel", CHANNEL_ORDER),
    byStatus: table("status", STATUS_ORDER),
    concluded: table("reason", ARCHIVE_REASON_ORDER),
  };
}

describe("public statistics", () => {
  it("publish every month of a closed year as at its cut-off, perturbed by the cases' keys, and medians only when stable", async () => {
    const want = expectedPublic(rows);
    const raw = expected(rows);
    const stats = await computePublicStatistics(handle.db, YEAR, NOW, SECRET);
    expect(stats.months).toEqual(MONTHS);
    expect(stats.publishedThrough).toBe("2026-01");
    expect(stats.received).toEqual(want.received);
    for (const name of ["byMonth", "byCategory", "byChannel", "byStatus", "concluded"] as const)
      expect(stats[name].cells, name).toEqual(want[name]);
    expect(stats.byCategory.total).toEqual(want.received);
    expect(stats.concluded.total).toEqual(stats.byStatus.cells.find((c) => c.key === "ARCHIVED")!.shown);
    // Perturbed, but close: a month within ±2, a year figure within ±2 per month.
    const truth = raw.received;
    expect(Math.abs((stats.received as number) - truth)).toBeLessThanOrEqual(24);
    // The late moves are seen: some cases count as SUBMITTED although they have moved on since.
    expect(
      rows.some(
        (r) =>
          inYear(r.receivedAt) && r.status !== "SUBMITTED" && r.movedAt >= monthCutoff(officeMonth(r.receivedAt), TZ),
      ),
    ).toBe(true);
    const responded = rows.filter((r) => inYear(r.respondedAt)).map((r) => r.responseOfficeMinutes!);
    const step2 = rows
      .flatMap((r) => r.steps)
      .filter((x) => x.step === 2 && inYear(x.completedAt))
      .map((x) => x.officeMinutes);
    expect(stats.response).toEqual({ officeDays: stableMedianDays(responded, DAY_MINUTES) });
    expect(stats.recording).toEqual({ officeDays: stableMedianDays(step2, DAY_MINUTES) });
    const done = raw.steps.reduce((a, x) => a + x.done, 0);
    const within = raw.steps.reduce((a, x) => a + x.within, 0);
    expect(stats.withinStandardPercent).toBe(stableShare(within, done, 7));
    // Per year: sums of the perturbed monthly totals of the published months (none of 2026 but January).
    const perYear = (y: number) => {
      const months =
        y === 2026 ? ["2026-01"] : Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`);
      const monthOf = new Map(rows.map((r) => [r, officeMonth(r.receivedAt)]));
      const sum = months.reduce((a, m) => {
        const rs = rows.filter((r) => monthOf.get(r) === m);
        return (
          a +
          perturb({
            count: rs.length,
            keySum: rs.reduce((b, x) => b + BigInt(x.key), 0n),
            salt: cellSalt(SECRET, `${m}|total|`),
          })
        );
      }, 0);
      return { key: String(y), shown: showPerturbed(sum) };
    };
    expect(stats.perYear).toEqual([2024, 2025, 2026].map(perYear));
  }, 240_000);

  it("give the same protected numbers in data.csv and data.json, with licence, time and the months they cover", async () => {
    clearStatisticsCache();
    const stats = await computePublicStatistics(handle.db, YEAR);
    const csvRes = await statisticsDownload(handle.db, "csv", new URLSearchParams({ tahun: String(YEAR) }));
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvRes.headers.get("content-disposition")).toBe(`attachment; filename="statistik-wbs-${YEAR}.csv"`);
    const csv = await csvRes.text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("table,key,label,value");
    const ethics = stats.byCategory.cells.find((c) => c.key === "ETHICS_VIOLATION")!.shown;
    expect(lines).toContain(`byCategory,ETHICS_VIOLATION,Pelanggaran kode etik/disiplin ASN,${ethics}`);
    expect(lines).toContain(`meta,published_through,,${stats.publishedThrough}`);
    expect(lines).toContain("meta,licence,,CC BY 4.0 https://creativecommons.org/licenses/by/4.0/");
    expect(lines.find((l) => l.startsWith("meta,generated_at,,"))).toMatch(
      /,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
    for (const c of stats.byChannel.cells)
      expect(
        lines
          .find((l) => l.startsWith(`byChannel,${c.key},`))!
          .split(",")
          .at(-1),
      ).toBe(String(c.shown));
    expect(lines).toContain(`byMonth,TOTAL,"Laporan diterima per bulan, ${YEAR}",${stats.byMonth.total}`);

    const jsonRes = await statisticsDownload(
      handle.db,
      "json",
      new URLSearchParams({ tahun: String(YEAR), locale: "en" }),
    );
    const json = (await jsonRes.json()) as {
      licence: { name: string };
      generatedAt: string;
      year: number;
      tables: Record<string, { cells: { key: string; label: string; value: unknown }[]; total: unknown }>;
    };
    expect(json.licence.name).toBe("CC BY 4.0");
    expect(json.year).toBe(YEAR);
    expect(Date.parse(json.generatedAt)).not.toBeNaN();
    expect(json.tables.byCategory!.cells.find((c) => c.key === "ETHICS_VIOLATION")).toEqual({
      key: "ETHICS_VIOLATION",
      label: "Breach of civil-service ethics or discipline",
      value: ethics,
    });
    expect(json.tables.byStatus!.cells.map((c) => c.value)).toEqual(stats.byStatus.cells.map((c) => c.shown));
    // No reference, no date of a case.
    for (const text of [csv, JSON.stringify(json)]) {
      expect(text).not.toMatch(/UJI-\d/);
      for (const r of rows.slice(0, 20)) expect(text).not.toContain(r.receivedAt.toISOString());
    }
  });

  it("name the office from its settings in the downloads' dataset title", async () => {
    const dataset = async () =>
      (
        (await (await statisticsDownload(handle.db, "json", new URLSearchParams({ tahun: String(YEAR) }))).json()) as {
          dataset: string;
        }
      ).dataset;
    expect(await dataset()).toMatch(/ · DPMPTSP Kabupaten Lamandau$/);
    await putSetting(handle.db, "office.identity", {
      ...settingDefaults["office.identity"],
      shortName: "Inspektorat Kota Contoh",
    });
    try {
      expect(await dataset()).toMatch(/ · Inspektorat Kota Contoh$/);
      const csv = await (
        await statisticsDownload(handle.db, "csv", new URLSearchParams({ tahun: String(YEAR) }))
      ).text();
      expect(csv.split("\r\n")[1]).toMatch(/^meta,dataset,,.* · Inspektorat Kota Contoh$/);
    } finally {
      await handle.db.setting.delete({ where: { key: "office.identity" } });
    }
  });

  it("refuses a year that is not a year", async () => {
    expect((await statisticsDownload(handle.db, "json", new URLSearchParams({ tahun: "abc" }))).status).toBe(400);
    expect((await statisticsDownload(handle.db, "csv", new URLSearchParams({ tahun: "1999" }))).status).toBe(400);
  });
});

describe("office dashboard", () => {
  const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

  it("shows the unsuppressed figures, leaving out what the reader may not see", async () => {
    const all = await computeOfficeStatistics(handle.db, users.sekretariat!, period, NOW);
    const want = expected(rows);
    expect(all.figures.byCategory).toEqual(want.byCategory);
    expect(all.figures.steps).toEqual(want.steps);
    expect(all.open.reduce((s, o) => s + o.open, 0)).toBe(rows.filter((r) => r.status !== "ARCHIVED").length);
    // A Kepala Dinas does not see cases involving the leadership (cases/access.ts).
    const kadis = await computeOfficeStatistics(handle.db, users.kadis!, period, NOW);
    expect(kadis.figures.byCategory).toEqual(expected(rows.filter((r) => !r.involvesLeadership)).byCategory);
    expect(kadis.figures.received).toBeLessThan(all.figures.received);
  });

  it("is refused to roles it is not for, over tRPC and as CSV", async () => {
    const as = (staff: StaffPrincipal | null) => createCaller({ db: handle.db, staff: async () => staff });
    for (const name of ["telaah", "audit", "admin"])
      await expect(as(users[name]!).statistics.office(period)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(null).statistics.office(period)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const name of ["kadis", "pengawas", "sekretariat"])
      expect((await as(users[name]!).statistics.office(period)).figures.received).toBeGreaterThan(0);
    await expect(as(users.kadis!).statistics.office({ from: "2025-12-31", to: "2025-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const audits = () => handle.db.auditEntry.count({ where: { action: "statistics.export" } });
    const before = await audits();
    expect((await officeStatisticsCsvResponse(handle.db, null, period)).status).toBe(401);
    for (const name of ["telaah", "audit", "admin"])
      expect((await officeStatisticsCsvResponse(handle.db, users[name]!, period)).status).toBe(403);
    expect(
      (await officeStatisticsCsvResponse(handle.db, users.pengawas!, { from: "2025-13-01", to: "2025-12-31" })).status,
    ).toBe(400);
    expect(await audits()).toBe(before);

    const res = await officeStatisticsCsvResponse(handle.db, users.pengawas!, period);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="dasbor-wbs-${YEAR}-01-01-${YEAR}-12-31.csv"`,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).split("\r\n");
    // Unsuppressed: the 2 is a 2 here.
    expect(lines).toContain("byCategory,ETHICS_VIOLATION,Pelanggaran kode etik/disiplin ASN,2,,,");
    expect(await audits()).toBe(before + 1);
  });
});
