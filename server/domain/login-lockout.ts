/** Failed sign-ins before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LockState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more failed attempt (never called while locked): the fifth failure in a row locks. */
export function afterFailure(state: LockState, now: Date): LockState {
  const previous = state.lockedUntil !== null && state.lockedUntil <= now ? 0 : state.failedLoginCount;
  const failed = previous + 1;
  if (failed >= MAX_FAILED_LOGINS) return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedLoginCount: failed, lockedUntil: null };
}
