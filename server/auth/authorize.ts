/**
 * Staff sign-in: password (argon2id), then the second factor (TOTP or a backup code).
 *
 * - Unknown or deactivated account: the same "invalid" as a wrong password, after the same
 *   argon2id work, so neither the answer nor its timing says which accounts exist.
 * - Right password, not enrolled (first sign-in, or factor reset by Admin): an enrolment
 *   session (`enrol: true`) that can do nothing but enrol (server/auth/staff-session.ts).
 * - Right password, enrolled, no code: `code_required` (the form then asks for the code).
 *   Nothing is counted, and the failure count is NOT reset: only a complete sign-in resets it.
 * - A wrong, malformed or replayed code counts as a failure exactly like a wrong password:
 *   each failure waits a little longer before answering, the fifth in a row locks the account
 *   for LOCK_MINUTES (server/domain/login-lockout.ts).
 * Lock check, code check, replay guard and failure count happen under a row lock in one
 * transaction with the audit entry, so parallel guesses are counted one by one.
 */
import { z } from "zod";
import type { Db } from "../db.ts";
import { appendAudit } from "../domain/audit.ts";
import { afterFailure, isLocked, type LockState } from "../domain/login-lockout.ts";
import { normaliseBackupCode } from "../domain/backup-codes.ts";
import { normaliseTotpCode, verifyTotp } from "../domain/totp.ts";
import type { Tx } from "../domain/tx.ts";
import { verifyPassword } from "./password.ts";
import { lockStaffRow, matchBackupCode, openTotpSecret } from "./second-factor.ts";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  code: z.string().trim().max(40).optional(),
});

// Spent on unknown usernames too, so response time does not reveal which accounts exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$oXAcJdrouZ1OvvlP9Wdzrg$ZRafhz+LHEJymW4DsNsPkCg+KknL1qJUBko2Ehg/44g";

/** Thrown messages reach the sign-in page as the `error` code. */
export const SIGN_IN_ERRORS = {
  invalid: "invalid",
  locked: "locked",
  codeRequired: "code_required",
  codeInvalid: "code_invalid",
  unavailable: "unavailable",
} as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS];
const KNOWN_ERRORS = new Set<string>(Object.values(SIGN_IN_ERRORS));
export const isSignInError = (message: string): message is SignInError => KNOWN_ERRORS.has(message);

/** What the session token is made from. */
export interface StaffSignIn {
  id: string;
  name: string;
  sessionVersion: number;
  /** Password accepted but no second factor enrolled yet: the session may only enrol. */
  enrol: boolean;
}

export interface AuthorizeOptions {
  /** Opens the sealed TOTP secret; needed only when an enrolled account sends a TOTP code. */
  masterKey?: Buffer | (() => Buffer);
  /** Staff address for the audit trail (staff events only). */
  ipAddress?: string | null;
  /** Waits before a failure is answered; the next-auth provider passes a real timer, tests a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

/** Wait after the n-th failure in a row: 250 ms, 500 ms, 1 s, 2 s, … (at most 4 s). */
export function failureDelayMs(failuresInARow: number): number {
  return failuresInARow <= 0 ? 0 : Math.min(4000, 250 * 2 ** (failuresInARow - 1));
}

type Outcome = { user: StaffSignIn } | { error: SignInError; delayMs: number };

type Code = { kind: "none" } | { kind: "totp"; value: string } | { kind: "backup"; value: string } | { kind: "malformed" };

function classify(code: string | undefined): Code {
  if (!code) return { kind: "none" };
  const totp = normaliseTotpCode(code);
  if (totp) return { kind: "totp", value: totp };
  const backup = normaliseBackupCode(code);
  return backup ? { kind: "backup", value: backup } : { kind: "malformed" };
}

export async function authorizeStaff(db: Db, raw: unknown, now = new Date(), options: AuthorizeOptions = {}): Promise<StaffSignIn> {
  const outcome = await attempt(db, raw, now, options);
  if ("user" in outcome) return outcome.user;
  if (outcome.delayMs > 0 && options.sleep) await options.sleep(outcome.delayMs);
  throw new Error(outcome.error);
}

async function attempt(db: Db, raw: unknown, now: Date, options: AuthorizeOptions): Promise<Outcome> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { error: SIGN_IN_ERRORS.invalid, delayMs: 0 };
  const { password } = parsed.data;
  const login = parsed.data.username.toLowerCase();
  const nip = login.replace(/\s+/g, "");
  const ipAddress = options.ipAddress ?? null;
  const user = await db.staffUser.findFirst({
    where: { OR: [{ username: login }, { nip }] },
    select: { id: true, username: true, active: true, passwordHash: true, failedLoginCount: true, lockedUntil: true },
  });

  if (!user || !user.active) {
    await verifyPassword(DUMMY_HASH, password);
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: user?.id ?? null,
        // Never what was typed for an unknown account: it is sometimes a password typed in the wrong field.
        actorLabel: user?.username ?? "unknown",
        action: "auth.login.failed",
        detail: { reason: user ? "inactive" : "unknown_account" },
        ipAddress,
        at: now,
      }),
    );
    return { error: SIGN_IN_ERRORS.invalid, delayMs: failureDelayMs(1) };
  }

  const audit = (tx: Tx, action: string, detail: Record<string, string | number | boolean>) =>
    appendAudit(tx, { actorId: user.id, actorLabel: user.username, action, detail, ipAddress, at: now });

  if (isLocked(user, now)) {
    await db.$transaction((tx) => audit(tx, "auth.login.failed", { reason: "locked" }));
    return { error: SIGN_IN_ERRORS.locked, delayMs: 0 };
  }

  const passwordOk = await verifyPassword(user.passwordHash, password);
  const code = classify(parsed.data.code);
  // Backup codes are argon2id hashes: compare them before the transaction, never while holding the row.
  const backupId = passwordOk && code.kind === "backup" ? await matchBackupCode(db, user.id, code.value) : null;

  return db.$transaction(async (tx): Promise<Outcome> => {
    await lockStaffRow(tx, user.id);
    const row = await tx.staffUser.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        name: true,
        active: true,
        sessionVersion: true,
        failedLoginCount: true,
        lockedUntil: true,
        totpSecret: true,
        totpEnrolledAt: true,
        lastTotpStep: true,
      },
    });
    if (!row.active) return { error: SIGN_IN_ERRORS.invalid, delayMs: failureDelayMs(1) };
    if (isLocked(row, now)) {
      await audit(tx, "auth.login.failed", { reason: "locked" });
      return { error: SIGN_IN_ERRORS.locked, delayMs: 0 };
    }

    const fail = async (reason: "password" | "code"): Promise<Outcome> => {
      const next: LockState = afterFailure(row, now);
      await tx.staffUser.update({ where: { id: user.id }, data: next });
      const locked = isLocked(next, now);
      await audit(tx, "auth.login.failed", { reason, locked });
      if (locked) return { error: SIGN_IN_ERRORS.locked, delayMs: 0 };
      return { error: reason === "password" ? SIGN_IN_ERRORS.invalid : SIGN_IN_ERRORS.codeInvalid, delayMs: failureDelayMs(next.failedLoginCount) };
    };
    const succeed = async (method: "password" | "totp" | "backup_code", extra: { lastTotpStep?: number } = {}): Promise<Outcome> => {
      await tx.staffUser.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, ...extra } });
      const enrol = method === "password";
      await audit(tx, "auth.login", enrol ? { method, enrolmentPending: true } : { method });
      return { user: { id: user.id, name: row.name, sessionVersion: row.sessionVersion, enrol } };
    };

    if (!passwordOk) return fail("password");
    if (row.totpEnrolledAt === null || row.totpSecret === null) return succeed("password");

    switch (code.kind) {
      case "none":
        return { error: SIGN_IN_ERRORS.codeRequired, delayMs: 0 };
      case "totp": {
        const masterKey = typeof options.masterKey === "function" ? options.masterKey() : options.masterKey;
        if (!masterKey) throw new Error("authorizeStaff needs the master key to check a TOTP code");
        const secret = openTotpSecret(masterKey, user.id, row.totpSecret);
        const step = verifyTotp(secret, code.value, { now, lastStep: row.lastTotpStep });
        return step === null ? fail("code") : succeed("totp", { lastTotpStep: step });
      }
      case "backup": {
        if (backupId === null) return fail("code");
        // Conditional on still unused: two requests with the same code, one wins.
        const used = await tx.backupCode.updateMany({ where: { id: backupId, userId: user.id, usedAt: null }, data: { usedAt: now } });
        if (used.count !== 1) return fail("code");
        const remaining = await tx.backupCode.count({ where: { userId: user.id, usedAt: null } });
        await audit(tx, "auth.backup_code.used", { remaining });
        return succeed("backup_code");
      }
      case "malformed":
        return fail("code");
    }
  });
}
