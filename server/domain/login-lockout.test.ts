import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login-lockout.ts";

const now = new Date("2026-11-27T03:00:00Z");

describe("login lockout", () => {
  it("locks after the configured number of consecutive failures", () => {
    let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
      expect(state.failedLoginCount).toBe(i);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(state.lockedUntil!.getTime() - now.getTime()).toBe(LOCK_MINUTES * 60_000);
  });

  it("unlocks when the lock expires and starts counting afresh", () => {
    const expired = { failedLoginCount: 0, lockedUntil: new Date(now.getTime() - 1000) };
    expect(isLocked(expired, now)).toBe(false);
    expect(afterFailure(expired, now)).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });
});
