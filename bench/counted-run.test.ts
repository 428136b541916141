import { describe, expect, it } from "vitest";
import { percentile, runCounted } from "./counted-run.ts";

describe("runCounted", () => {
  it("runs exactly `total` operations, never more than `concurrency` at once, and counts failures by reason", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    const result = await runCounted(50, 7, async (index) => {
      running++;
      most = Math.max(most, running);
      seen.push(index);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      if (index % 10 === 3) return "HTTP 500";
      if (index === 44) throw new Error("fetch failed", { cause: { code: "ECONNRESET" } });
      return null;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(most).toBe(7);
    expect(result).toMatchObject({
      total: 50,
      concurrency: 7,
      succeeded: 44,
      failed: 6,
      failures: { "HTTP 500": 5, ECONNRESET: 1 },
    });
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(1);
    expect(result.requestsPerSec).toBeGreaterThan(0);
  });

  it("refuses a concurrency below 1", async () => {
    await expect(runCounted(5, 0, async () => null)).rejects.toThrow(/concurrency/);
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([100, 198, 200]);
    expect(percentile([], 50)).toBe(0);
  });
});
