import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { schedulePeriodicCheck } from "./periodic-check.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("schedulePeriodicCheck", () => {
  it("runs first after the delay, then at every interval, never two at once", async () => {
    let started = 0;
    let finish: () => void = () => undefined;
    schedulePeriodicCheck(
      "test check",
      1_000,
      () => {
        started++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      100,
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(1);
    // Still running at the first interval: skipped.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
  });

  it("logs a failure as one line, leaves a database outage to the health monitor, and tries again", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failures = [
      new Error("boom\n  at the query with its values"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ];
    let calls = 0;
    schedulePeriodicCheck("test check", 1_000, async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toBe(3);
    expect(log.mock.calls).toEqual([["Lentera: test check failed: boom"]]);
  });
});
