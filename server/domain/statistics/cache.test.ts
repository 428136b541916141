import { describe, expect, it, vi } from "vitest";
import { cached, clearStatisticsCache } from "./cache.ts";

describe("statistics cache", () => {
  it("computes once per TTL, then serves the old figures while one recomputation runs", async () => {
    clearStatisticsCache();
    let calls = 0;
    let release: (v: number) => void = () => {};
    const compute = () => {
      calls++;
      return calls === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (release = resolve));
    };
    const t0 = Date.now();
    expect(await cached("k", compute, 1000, t0)).toBe(1);
    expect(await cached("k", compute, 1000, t0 + 500)).toBe(1);
    expect(calls).toBe(1);
    // Expired: the stale value comes back at once, one recomputation starts.
    expect(await cached("k", compute, 1000, t0 + 5000)).toBe(1);
    expect(await cached("k", compute, 1000, t0 + 5001)).toBe(1);
    expect(calls).toBe(2);
    release(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cached("k", compute, 1000, Date.now())).toBe(2);
  });

  it("does not keep a failure, and the first caller of a key waits for the value", async () => {
    clearStatisticsCache();
    await expect(cached("f", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await new Promise((r) => setTimeout(r, 0));
    expect(await cached("f", () => Promise.resolve("ok"))).toBe("ok");
  });

  it("is one cache for every copy of the module in the process", async () => {
    clearStatisticsCache();
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    expect(await cached("shared", compute)).toBe(1);
    // A second copy of the module, as Next.js loads one per layer (pages, route handlers).
    vi.resetModules();
    const copy = await import("./cache.ts");
    expect(copy.cached).not.toBe(cached);
    expect(await copy.cached("shared", compute)).toBe(1);
    expect(calls).toBe(1);
  });
});
