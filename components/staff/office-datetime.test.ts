import { describe, expect, it } from "vitest";
import { officeInputValue, officeInstant, officeYear } from "./office-datetime.ts";

describe("office wall-clock times", () => {
  it("reads a datetime-local value as Asia/Jakarta time", () => {
    expect(officeInstant("2026-11-28T09:30")?.toISOString()).toBe("2026-11-28T02:30:00.000Z");
    expect(officeInstant("2027-01-01T03:00")?.toISOString()).toBe("2026-12-31T20:00:00.000Z");
  });

  it("writes an instant back as the same value", () => {
    expect(officeInputValue(new Date("2026-11-28T02:30:00Z"))).toBe("2026-11-28T09:30");
    expect(officeInputValue(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01T00:00");
    expect(officeYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
  });

  it("refuses malformed or impossible values", () => {
    for (const v of ["", "2026-11-28", "2026-11-28 09:30", "2026-02-31T10:00", "2026-11-28T25:00", "x"]) expect(officeInstant(v), v).toBeNull();
  });
});

describe("filter years", () => {
  it("offers the SOP's first year up to this year, newest first", async () => {
    const { officeYears } = await import("./office-datetime.ts");
    expect(officeYears(new Date("2026-06-01T00:00:00Z"))).toEqual([2026, 2025, 2024]);
    expect(officeYears(new Date("2024-01-01T00:00:00Z"))).toEqual([2024]);
  });
});
