import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure.ts";
import { formatScaleMarkdown, growth, type ScaleReport } from "./scale-report.ts";

function measured(name: string, cpuMsPerRequest: number, p95: number, requestsPerSec = 50): Measurement {
  return {
    name,
    path: `/${name}`,
    connections: 20,
    durationS: 10,
    requestsPerSec,
    latencyMs: { p50: p95 / 2, p90: p95, p95, p99: p95 * 1.5, max: p95 * 2 },
    errors: 0,
    non2xx: 0,
    mismatches: 0,
    expectedStatuses: [],
    timeouts: 0,
    statusCodes: { "200": 500 },
    requestsTotal: 500,
    maxRssMb: 350,
    cpuMsPerRequest,
  };
}

const rows = [
  { cases: 1_000, measurement: measured("flat", 10, 100) },
  { cases: 1_000, measurement: measured("linear", 10, 100) },
  { cases: 10_000, measurement: measured("flat", 11, 110) },
  { cases: 10_000, measurement: measured("linear", 100, 1_000) },
  { cases: 100_000, measurement: measured("flat", 12, 120) },
  { cases: 100_000, measurement: measured("linear", 1_000, 10_000) },
];

describe("growth over the number of cases", () => {
  it("gives the added cost per tenfold of cases and flags a page whose cost follows the cases", () => {
    expect(growth(rows)).toEqual([
      { name: "flat", path: "/flat", cpuFactor: 1.2, cpuMsPerDecade: 1, p95MsPerDecade: 10, grows: false },
      { name: "linear", path: "/linear", cpuFactor: 100, cpuMsPerDecade: 495, p95MsPerDecade: 4950, grows: true },
    ]);
  });

  it("names a scenario without the usual run's case count", () => {
    expect(growth([{ cases: 1_000, measurement: measured("staff case list (100 000 cases)", 5, 50) }])[0]!.name).toBe(
      "staff case list",
    );
  });

  it("leaves out runs without answers and gives no factor from one run", () => {
    const failed = [
      { cases: 1_000, measurement: measured("flat", 0, 0, 0) },
      { cases: 100_000, measurement: measured("flat", 12, 120) },
    ];
    expect(growth(failed)).toEqual([
      { name: "flat", path: "/flat", cpuFactor: null, cpuMsPerDecade: 0, p95MsPerDecade: 0, grows: false },
    ]);
  });

  it("writes both tables with ratios to the floor and the verdict", () => {
    const report: ScaleReport = {
      generatedAt: "2026-12-02T19:00:00.000Z",
      commit: "abc1234",
      backend: "pglite",
      counts: [1_000, 10_000, 100_000],
      rows,
      floor: measured("floor: dynamic page (CSP nonce)", 5, 50),
      machine: "test",
    };
    const md = formatScaleMarkdown(report, "npm run bench -- --scale 1000,10000,100000").split("\n");
    expect(md).toContain("| flat | `/flat` | 100,000 | 50.0 | 60 | 120 | 180 | 0 | 350.0 | 12.0 | 2.40× | 2.40× |");
    expect(md).toContain("| flat | `/flat` | 1.00 | 10.0 | 1.20× | flat |");
    expect(md).toContain(
      "| linear | `/linear` | 495.00 | 4,950.0 | 100.00× | FAIL: grows (more than 2× from 1,000 to 100,000) |",
    );
  });
});
