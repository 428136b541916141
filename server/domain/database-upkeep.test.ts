/** When the nightly upkeep runs: once per office night, never on the day the server started late. */
import { describe, expect, it } from "vitest";
import { dailyRunDue } from "./retention/period.ts";
import { upkeepStep } from "./database-upkeep.ts";

const TZ = "Asia/Jakarta"; // UTC+7, no daylight saving
const at = (iso: string) => new Date(iso);

describe("upkeepStep", () => {
  it("does not run when the server starts after tonight's hour, and runs the next night", () => {
    // Started at 03:00 office time, after a 02:00 run hour.
    let last = upkeepStep(undefined, dailyRunDue(at("2026-12-02T20:00:00Z"), "02:00", TZ, null));
    expect(last).toEqual({ run: false, lastRunDate: "2026-12-03" });
    // Later the same office day: still not.
    last = upkeepStep(last.lastRunDate, dailyRunDue(at("2026-12-03T05:00:00Z"), "02:00", TZ, last.lastRunDate));
    expect(last.run).toBe(false);
    // The next night at 02:10 office time: runs, once.
    last = upkeepStep(last.lastRunDate, dailyRunDue(at("2026-12-03T19:10:00Z"), "02:00", TZ, last.lastRunDate));
    expect(last).toEqual({ run: true, lastRunDate: "2026-12-04" });
    last = upkeepStep(last.lastRunDate, dailyRunDue(at("2026-12-03T19:20:00Z"), "02:00", TZ, last.lastRunDate));
    expect(last.run).toBe(false);
  });

  it("a server started before the hour (01:00 office time) runs that night", () => {
    let last = upkeepStep(undefined, dailyRunDue(at("2026-12-02T18:00:00Z"), "02:00", TZ, null));
    expect(last).toEqual({ run: false, lastRunDate: null });
    last = upkeepStep(last.lastRunDate, dailyRunDue(at("2026-12-02T19:05:00Z"), "02:00", TZ, last.lastRunDate));
    expect(last).toEqual({ run: true, lastRunDate: "2026-12-03" });
  });
});
