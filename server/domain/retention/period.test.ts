import { describe, expect, it } from "vitest";
import { archivedOnOrBefore, dailyRunDue, destructionDueAt } from "./period.ts";

const TZ = "Asia/Jakarta";
const at = (iso: string) => new Date(iso);

describe("destructionDueAt", () => {
  it("adds years and months on the office calendar, at the same wall-clock time", () => {
    expect(destructionDueAt(at("2026-03-10T02:30:15.250Z"), { years: 5, months: 0 }, TZ).toISOString()).toBe(
      "2031-03-10T02:30:15.250Z",
    );
    expect(destructionDueAt(at("2026-03-10T02:30:00.000Z"), { years: 1, months: 11 }, TZ).toISOString()).toBe(
      "2028-02-10T02:30:00.000Z",
    );
  });

  it("uses the office date, not the UTC date (archived at 06:00 in Jakarta is the evening before in UTC)", () => {
    // 2026-01-31 06:00 WIB = 2026-01-30 23:00 UTC: one month later is 28 February 06:00 WIB, not 30 February/2 March.
    expect(destructionDueAt(at("2026-01-30T23:00:00.000Z"), { years: 0, months: 1 }, TZ).toISOString()).toBe(
      "2026-02-27T23:00:00.000Z",
    );
  });

  it("ends a month early when the target month is shorter, also in a leap year", () => {
    expect(destructionDueAt(at("2027-01-31T03:00:00.000Z"), { years: 0, months: 1 }, TZ).toISOString()).toBe(
      "2027-02-28T03:00:00.000Z",
    );
    expect(destructionDueAt(at("2027-03-31T03:00:00.000Z"), { years: 1, months: 11 }, TZ).toISOString()).toBe(
      "2029-02-28T03:00:00.000Z",
    );
    expect(destructionDueAt(at("2026-02-28T03:00:00.000Z"), { years: 2, months: 0 }, TZ).toISOString()).toBe(
      "2028-02-28T03:00:00.000Z",
    );
  });
});

describe("archivedOnOrBefore", () => {
  it("is the same period back in time, so a case archived exactly then is due", () => {
    const now = at("2031-06-15T05:00:00.000Z");
    const bound = archivedOnOrBefore(now, { years: 5, months: 2 }, TZ);
    expect(bound.toISOString()).toBe("2026-04-15T05:00:00.000Z");
    expect(destructionDueAt(bound, { years: 5, months: 2 }, TZ).getTime()).toBeLessThanOrEqual(now.getTime());
  });
});

describe("dailyRunDue", () => {
  it("is due once per office date, from the run time on", () => {
    // 01:59 and 02:00 WIB on 2 December 2026.
    expect(dailyRunDue(at("2026-12-01T18:59:00.000Z"), "02:00", TZ, null)).toEqual({
      due: false,
      officeDate: "2026-12-02",
    });
    expect(dailyRunDue(at("2026-12-01T19:00:00.000Z"), "02:00", TZ, null)).toEqual({
      due: true,
      officeDate: "2026-12-02",
    });
    expect(dailyRunDue(at("2026-12-02T10:00:00.000Z"), "02:00", TZ, "2026-12-02")).toEqual({
      due: false,
      officeDate: "2026-12-02",
    });
    // 23:30 UTC is already the next office date in Jakarta.
    expect(dailyRunDue(at("2026-12-02T23:30:00.000Z"), "02:00", TZ, "2026-12-02")).toEqual({
      due: true,
      officeDate: "2026-12-03",
    });
  });
});
