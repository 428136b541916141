/** The password step of staff sign-in: lockout, constant-time miss, failure counting. */
import { z } from "zod";
import type { Db } from "../db.ts";
import { afterFailure, isLocked } from "../domain/login-lockout.ts";
import { verifyPassword } from "./password.ts";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

// Spent on unknown usernames too, so response time does not reveal which accounts exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$oXAcJdrouZ1OvvlP9Wdzrg$ZRafhz+LHEJymW4DsNsPkCg+KknL1qJUBko2Ehg/44g";

/** Thrown messages reach the sign-in page as the `error` code. */
export const SIGN_IN_ERRORS = { invalid: "invalid", locked: "locked" } as const;

export async function authorizeStaff(db: Db, raw: unknown, now = new Date()) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const login = parsed.data.username.toLowerCase();
  const nip = login.replace(/\s+/g, "");
  const user = await db.staffUser.findFirst({ where: { OR: [{ username: login }, { nip }] } });
  if (!user || !user.active) {
    await verifyPassword(DUMMY_HASH, parsed.data.password);
    throw new Error(SIGN_IN_ERRORS.invalid);
  }
  if (isLocked(user, now)) throw new Error(SIGN_IN_ERRORS.locked);
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
    const next = afterFailure(user, now);
    await db.staffUser.update({ where: { id: user.id }, data: next });
    throw new Error(isLocked(next, now) ? SIGN_IN_ERRORS.locked : SIGN_IN_ERRORS.invalid);
  }
  await db.staffUser.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  return { id: user.id, name: user.name, sessionVersion: user.sessionVersion };
}
