import { describe, expect, it } from "vitest";
import { formatDuration, splitMinutes } from "./duration.ts";

const id = { hours: (n: number) => `${n} jam`, minutes: (n: number) => `${n} menit` };

describe("office durations", () => {
  it("reads like the SOP's mutu baku", () => {
    expect(formatDuration(30, id)).toBe("30 menit");
    expect(formatDuration(60, id)).toBe("1 jam");
    expect(formatDuration(75, id)).toBe("1 jam 15 menit");
    expect(formatDuration(15, id)).toBe("15 menit");
    expect(formatDuration(0, id)).toBe("0 menit");
    expect(formatDuration(8 * 60 * 3 + 5, id)).toBe("24 jam 5 menit");
  });

  it("rounds to whole minutes and never goes negative", () => {
    expect(splitMinutes(89.6)).toEqual({ hours: 1, minutes: 30 });
    expect(splitMinutes(-5)).toEqual({ hours: 0, minutes: 0 });
    expect(formatDuration(59.4, id)).toBe("59 menit");
  });
});
