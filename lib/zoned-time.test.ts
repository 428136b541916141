import { describe, expect, it } from "vitest";
import {
  formatOfficeDate,
  officeInputValue,
  officeInstant,
  officeStamp,
  officeYear,
  officeYears,
  zonedInstant,
} from "./zoned-time.ts";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";

describe("office wall-clock times", () => {
  it("reads a datetime-local value as office time", () => {
    expect(officeInstant("2026-11-28T09:30", WIB)?.toISOString()).toBe("2026-11-28T02:30:00.000Z");
    expect(officeInstant("2027-01-01T03:00", WIB)?.toISOString()).toBe("2026-12-31T20:00:00.000Z");
    expect(officeInstant("2026-11-28T09:30", WITA)?.toISOString()).toBe("2026-11-28T01:30:00.000Z");
  });

  it("writes an instant back as the same value", () => {
    expect(officeInputValue(new Date("2026-11-28T02:30:00Z"), WIB)).toBe("2026-11-28T09:30");
    expect(officeInputValue(new Date("2026-12-31T17:00:00Z"), WIB)).toBe("2027-01-01T00:00");
    expect(officeYear(new Date("2026-12-31T17:00:00Z"), WIB)).toBe(2027);
    expect(officeYear(new Date("2026-12-31T15:30:00Z"), WIB)).toBe(2026);
    expect(officeYear(new Date("2026-12-31T16:30:00Z"), WITA)).toBe(2027);
  });

  it("gives the same instant from memory as worked out, per zone, across a DST change, and a new Date each time", () => {
    const cases: [string, number, string, string][] = [
      ["2026-11-28", 9 * 60 + 30, WIB, "2026-11-28T02:30:00.000Z"],
      ["2026-11-28", 9 * 60 + 30, WITA, "2026-11-28T01:30:00.000Z"],
      ["2026-03-28", 12 * 60, "Europe/Berlin", "2026-03-28T11:00:00.000Z"],
      ["2026-03-30", 12 * 60, "Europe/Berlin", "2026-03-30T10:00:00.000Z"],
    ];
    for (let round = 0; round < 2; round++)
      for (const [date, minutes, zone, iso] of cases) expect(zonedInstant(date, minutes, zone).toISOString()).toBe(iso);
    const first = zonedInstant("2026-11-28", 600, WIB);
    first.setTime(0);
    expect(zonedInstant("2026-11-28", 600, WIB).toISOString()).toBe("2026-11-28T03:00:00.000Z");
    // Past its bound it starts over and still answers right.
    for (let i = 0; i < 5000; i++) zonedInstant("2026-11-28", i, WIB);
    expect(zonedInstant("2026-11-28", 4999, WIB).toISOString()).toBe("2026-12-01T04:19:00.000Z");
  });

  it("refuses malformed or impossible values", () => {
    for (const v of [
      "",
      "2026-11-28",
      "2026-11-28 09:30",
      "2026-02-31T10:00",
      "2026-11-28T24:00",
      "2026-11-28T10:60",
      "x",
    ])
      expect(officeInstant(v, WIB), v).toBeNull();
  });
});

describe("formatted dates", () => {
  const at = new Date("2026-11-28T02:30:00Z");

  it("writes the time in the office's zone, not the server's", () => {
    expect(formatOfficeDate(at, "en", WIB)).toBe("28 November 2026 at 09:30");
    expect(formatOfficeDate(at, "en", WITA)).toBe("28 November 2026 at 10:30");
    expect(formatOfficeDate(at.toISOString(), "id", WIB, false)).toBe("28 November 2026");
    // The formatters are kept per language, zone and style: asking again in another mix gets its own.
    expect(formatOfficeDate(at, "en", WIB)).toBe("28 November 2026 at 09:30");
    expect(formatOfficeDate(at, "en", WITA, false)).toBe("28 November 2026");
    expect(officeStamp(at, WIB)).toBe("2026-11-28 09:30");
    expect(officeStamp(at, WITA)).toBe("2026-11-28 10:30");
  });
});

describe("filter years", () => {
  it("offers the SOP's first year up to this year, newest first", () => {
    expect(officeYears(new Date("2026-06-01T00:00:00Z"), WIB)).toEqual([2026, 2025, 2024]);
    expect(officeYears(new Date("2024-01-01T00:00:00Z"), WIB)).toEqual([2024]);
  });
});
