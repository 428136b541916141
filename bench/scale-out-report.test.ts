import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure.ts";
import { formatScaleOutMarkdown, pageRow, type ScaleOutReport } from "./scale-out-report.ts";
import type { ScaleOutRow } from "./scale-out.ts";

function measured(name: string, over: Partial<Measurement> = {}): Measurement {
  return {
    name,
    path: `/${name}`,
    connections: 20,
    durationS: 10,
    requestsPerSec: 200,
    latencyMs: { p50: 40, p90: 70, p95: 80, p99: 120, max: 300 },
    errors: 0,
    non2xx: 0,
    mismatches: 0,
    expectedStatuses: [],
    timeouts: 0,
    statusCodes: { "200": 2000 },
    requestsTotal: 2000,
    maxRssMb: 700,
    cpuMsPerRequest: 6,
    ...over,
  };
}

const submissions: ScaleOutRow = {
  name: "report submission (1 MB image)",
  path: "/lapor",
  total: 200,
  concurrency: 20,
  succeeded: 200,
  failed: 0,
  failures: {},
  wallMs: 40_000,
  requestsPerSec: 5,
  latencyMs: { p50: 3000, p95: 9000, p99: 12_000, max: 13_000 },
  cpuMsPerRequest: 150,
  databaseCpuMsPerRequest: 20,
  maxRssMb: 1500,
  perInstance: [100, 100],
  proxyErrors: {},
};

describe("the staff pages in the scale-out check", () => {
  it("counts every failed request of a timed run as a failed operation, by reason", () => {
    const row = pageRow(
      measured("staff case list", {
        requestsTotal: 1000,
        errors: 7,
        timeouts: 2,
        non2xx: 3,
        mismatches: 1,
        databaseCpuMsPerRequest: 2.5,
      }),
      { perInstance: [500, 500], proxyErrors: {}, p95BudgetMs: 100 },
    );
    expect(row).toMatchObject({
      total: 1000,
      succeeded: 993,
      failed: 7,
      failures: { "timed out": 2, "unexpected status": 3, "wrong body": 1, "other connection error": 1 },
      wallMs: 10_000,
      latencyMs: { p50: 40, p95: 80, p99: 120, max: 300 },
      databaseCpuMsPerRequest: 2.5,
      p95BudgetMs: 100,
    });
  });

  it("reports each page's p95 against its budget next to the operations", () => {
    const report: ScaleOutReport = {
      generatedAt: "2026-12-03T04:00:00.000Z",
      commit: "abc1234",
      instances: 2,
      syntheticCases: 100_000,
      rows: [
        submissions,
        pageRow(measured("staff case list", { latencyMs: { p50: 40, p90: 70, p95: 95, p99: 120, max: 300 } }), {
          perInstance: [1000, 1000],
          proxyErrors: {},
          p95BudgetMs: 100,
        }),
        pageRow(measured("office dashboard", { latencyMs: { p50: 90, p90: 150, p95: 180, p99: 250, max: 400 } }), {
          perInstance: [1000, 1000],
          proxyErrors: {},
          p95BudgetMs: 100,
        }),
      ],
      floor: { reference: measured("floor"), measurements: [measured("floor")] },
      machine: "2 × test CPU",
    };
    const text = formatScaleOutMarkdown(report, "npm run bench -- --postgres URL --instances 2");
    expect(text).toContain(
      "| staff case list | `/staff case list` | 2,000 | 20 | 2,000 | 0 | 200.0 | 40 | 95 | 120 | 700.0 | 6.0 | — |",
    );
    expect(text).toContain(
      "| report submission (1 MB image) | `/lapor` | 200 | 20 | 200 | 0 | 5.0 | 3,000 | 9,000 | 12,000 | 1,500.0 | 150.0 | 20.0 |",
    );
    expect(text).toContain("- pass staff case list: p95 95 ms at 20 connections (budget ≤ 100 ms)");
    expect(text).toContain("- FAIL office dashboard: p95 180 ms at 20 connections (budget ≤ 100 ms)");
    expect(text).not.toContain("report submission (1 MB image): p95");
    expect(text).toContain("100,000 synthetic cases added");
  });
});
