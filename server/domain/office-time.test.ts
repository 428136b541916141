import { describe, expect, it } from "vitest";
import {
  addOfficeDays,
  addOfficeMinutes,
  officeMinutesBetween,
  zonedInstant,
  type OfficeCalendar,
} from "./office-time.ts";

const weekdays = ["1", "2", "3", "4", "5"].map((d) => [d, ["08:00", "16:00"]] as const);
const cal: OfficeCalendar = { timeZone: "Asia/Jakarta", days: Object.fromEntries(weekdays), holidays: ["2026-12-25"] };
// Asia/Jakarta is UTC+7 all year.
const wib = (iso: string) => new Date(`${iso}+07:00`);

describe("office time", () => {
  it("converts wall-clock time in the office zone", () => {
    expect(zonedInstant("2026-11-27", 8 * 60, "Asia/Jakarta").toISOString()).toBe("2026-11-27T01:00:00.000Z");
  });

  it("adds minutes inside one office day", () => {
    expect(addOfficeMinutes(wib("2026-11-27T09:00"), 30, cal)).toEqual(wib("2026-11-27T09:30"));
  });

  it("carries minutes over the weekend (Friday 15:45 + 30 min = Monday 08:15)", () => {
    expect(addOfficeMinutes(wib("2026-11-27T15:45"), 30, cal)).toEqual(wib("2026-11-30T08:15"));
  });

  it("starts counting at opening time when submitted at night or on a holiday", () => {
    expect(addOfficeMinutes(wib("2026-11-26T22:00"), 60, cal)).toEqual(wib("2026-11-27T09:00"));
    expect(addOfficeMinutes(wib("2026-12-25T10:00"), 15, cal)).toEqual(wib("2026-12-28T08:15"));
  });

  it("counts office minutes between two instants, skipping nights, weekends and holidays", () => {
    expect(officeMinutesBetween(wib("2026-11-27T15:00"), wib("2026-11-30T09:00"), cal)).toBe(120);
    expect(officeMinutesBetween(wib("2026-12-24T15:00"), wib("2026-12-28T08:30"), cal)).toBe(90);
    expect(officeMinutesBetween(wib("2026-11-30T09:00"), wib("2026-11-30T08:00"), cal)).toBe(0);
  });

  it("adds office days at the same time of day", () => {
    expect(addOfficeDays(wib("2026-11-27T10:00"), 1, cal)).toEqual(wib("2026-11-30T10:00"));
    expect(addOfficeDays(wib("2026-11-28T10:00"), 1, cal)).toEqual(wib("2026-12-01T08:00"));
    // Ten office days from Monday 21 Dec skip Christmas and New Year: 22,23,24,28,29,30,31 Dec, 4,5,6 Jan.
    expect(addOfficeDays(wib("2026-12-21T11:00"), 10, { ...cal, holidays: ["2026-12-25", "2027-01-01"] })).toEqual(
      wib("2027-01-06T11:00"),
    );
  });

  it("refuses a calendar with no open day instead of looping", () => {
    expect(() => addOfficeMinutes(new Date(), 1, { ...cal, days: {} })).toThrow(/no open day/);
  });
});
