import { describe, expect, it } from "vitest";
import { formatRatio, ratiosTo } from "./ratios.ts";

describe("ratiosTo", () => {
  const floor = { requestsPerSec: 400, cpuMsPerRequest: 2.5, maxRssMb: 120 };

  it("divides each figure by the floor's, to three significant digits", () => {
    expect(ratiosTo(floor, { requestsPerSec: 100, cpuMsPerRequest: 30, maxRssMb: 480 })).toEqual({
      requestsPerSec: 0.25,
      cpuMsPerRequest: 12,
      maxRssMb: 4,
    });
    expect(ratiosTo(floor, { requestsPerSec: 37.4, cpuMsPerRequest: 7.77, maxRssMb: 121 })).toEqual({
      requestsPerSec: 0.0935,
      cpuMsPerRequest: 3.11,
      maxRssMb: 1.01,
    });
  });

  it("gives the floor itself 1 everywhere", () => {
    expect(ratiosTo(floor, floor)).toEqual({ requestsPerSec: 1, cpuMsPerRequest: 1, maxRssMb: 1 });
  });

  it("has no CPU ratio for a row that got no answer", () => {
    expect(ratiosTo(floor, { requestsPerSec: 0, cpuMsPerRequest: 0, maxRssMb: 240 })).toEqual({
      requestsPerSec: 0,
      cpuMsPerRequest: null,
      maxRssMb: 2,
    });
  });

  it("has no ratio where the floor measured 0 or nothing finite", () => {
    expect(ratiosTo({ requestsPerSec: 0, cpuMsPerRequest: 0, maxRssMb: 120 }, floor)).toEqual({
      requestsPerSec: null,
      cpuMsPerRequest: null,
      maxRssMb: 1,
    });
    expect(ratiosTo(floor, { requestsPerSec: NaN, cpuMsPerRequest: 1, maxRssMb: 60 })).toEqual({
      requestsPerSec: null,
      cpuMsPerRequest: null,
      maxRssMb: 0.5,
    });
    expect(
      ratiosTo({ ...floor, requestsPerSec: 0 }, { requestsPerSec: 5, cpuMsPerRequest: 1, maxRssMb: 60 }),
    ).toMatchObject({ requestsPerSec: null, cpuMsPerRequest: 0.4 });
  });
});

describe("formatRatio", () => {
  it("writes two decimals under 10, one above, a dash for none", () => {
    expect([0.0933, 1, 3.11, 12, 123].map(formatRatio)).toEqual(["0.09×", "1.00×", "3.11×", "12.0×", "123.0×"]);
    expect(formatRatio(null)).toBe("—");
  });
});
