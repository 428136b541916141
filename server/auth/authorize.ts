/**
 * Staff sign-in: password (argon2id), then the second factor (TOTP or a backup code).
 *
 * - Unknown or deactivated account: the same "invalid" as a wrong password, after the same
 *   work (one argon2id verification, one audit entry) and the same delay, because throttling
 *   is keyed on what was submitted, not on the account (server/domain/sign-in-throttle.ts).
 *   Neither the answer nor its timing says which usernames or NIPs exist.
 * - Throttled (this address tried too often): `throttled` before any check, for any
 *   identifier alike. Nobody can lock an account: others' failures only slow its answers.
 * - Right password, not enrolled (first sign-in, or factor reset by Admin): an enrolment
 *   session (`enrol: true`) that can do nothing but enrol (server/auth/staff-session.ts).
 * - Right password, enrolled, no code: `code_required` (the form then asks for the code).
 * - A wrong, malformed or replayed code counts as a failure exactly like a wrong password.
 * Code check, replay guard and backup-code use happen under a row lock in one transaction
 * with the audit entry, so parallel guesses cannot spend one code twice.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db.ts";
import { appendAudit } from "../domain/audit.ts";
import { bumpBucket, clearBucket, refundBucket } from "../domain/rate-buckets.ts";
import {
  failureDelayFor,
  isThrottled,
  throttleKeys,
  THROTTLE_WINDOW_MS,
  type ThrottleCounts,
  type ThrottleKeys,
} from "../domain/sign-in-throttle.ts";
import { addressCountingUnit, normaliseAddress, UNKNOWN_ADDRESS } from "../net/client-address.ts";
import { normaliseBackupCode } from "../domain/backup-codes.ts";
import { normaliseTotpCode, verifyTotp } from "../domain/totp.ts";
import type { Tx } from "../domain/tx.ts";
import { verifyPassword } from "../domain/password.ts";
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
  throttled: "throttled",
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
  /** The client address (server/net/request-address.ts): audit trail and throttle. */
  ipAddress?: string | null;
  /** Keys the throttle counters; shared by all instances (the next-auth provider passes a configured secret). */
  throttleKey?: Buffer | (() => Buffer);
  /** Waits before a failure is answered; the next-auth provider passes a real timer, tests a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

// Only for callers without a configured key (tests): good for one process, not for several instances.
const PROCESS_THROTTLE_KEY = randomBytes(32);

type Outcome = { user: StaffSignIn } | { error: SignInError; delayMs: number };

type Code =
  { kind: "none" } | { kind: "totp"; value: string } | { kind: "backup"; value: string } | { kind: "malformed" };

function classify(code: string | undefined): Code {
  if (!code) return { kind: "none" };
  const totp = normaliseTotpCode(code);
  if (totp) return { kind: "totp", value: totp };
  const backup = normaliseBackupCode(code);
  return backup ? { kind: "backup", value: backup } : { kind: "malformed" };
}

export async function authorizeStaff(
  db: Db,
  raw: unknown,
  now = new Date(),
  options: AuthorizeOptions = {},
): Promise<StaffSignIn> {
  const outcome = await attempt(db, raw, now, options);
  if ("user" in outcome) return outcome.user;
  if (outcome.delayMs > 0 && options.sleep) await options.sleep(outcome.delayMs);
  throw new Error(outcome.error);
}

async function takeUnits(db: Db, keys: ThrottleKeys, now: Date): Promise<ThrottleCounts> {
  return {
    pair: await bumpBucket(db, keys.pair, THROTTLE_WINDOW_MS, now),
    address: await bumpBucket(db, keys.address, THROTTLE_WINDOW_MS, now),
    identifier: await bumpBucket(db, keys.identifier, THROTTLE_WINDOW_MS, now),
  };
}

/** A right password gives its unit back; a complete sign-in also clears its own pair. */
async function giveBack(tx: Tx, keys: ThrottleKeys, now: Date, complete: boolean): Promise<void> {
  await (complete ? clearBucket(tx, keys.pair) : refundBucket(tx, keys.pair, now));
  await refundBucket(tx, keys.address, now);
  await refundBucket(tx, keys.identifier, now);
}

async function attempt(db: Db, raw: unknown, now: Date, options: AuthorizeOptions): Promise<Outcome> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { error: SIGN_IN_ERRORS.invalid, delayMs: 0 };
  const { password } = parsed.data;
  const login = parsed.data.username.toLowerCase();
  const nip = login.replace(/\s+/g, "");
  const ipAddress = normaliseAddress(options.ipAddress);
  const secret =
    (typeof options.throttleKey === "function" ? options.throttleKey() : options.throttleKey) ?? PROCESS_THROTTLE_KEY;
  const keys = throttleKeys(secret, parsed.data.username, addressCountingUnit(ipAddress ?? UNKNOWN_ADDRESS));
  // Taken before anything is checked, so parallel attempts are counted one by one.
  const counts = await takeUnits(db, keys, now);

  const found = await db.staffUser.findFirst({
    where: { OR: [{ username: login }, { nip }] },
    select: { id: true, username: true, active: true, passwordHash: true },
  });
  const audit = (tx: Tx, action: string, detail: Record<string, string | number | boolean>) =>
    appendAudit(tx, {
      actorId: found?.id ?? null,
      // Never what was typed for an unknown account: it is sometimes a password typed in the wrong field.
      actorLabel: found?.username ?? "unknown",
      action,
      detail,
      ipAddress,
      at: now,
    });

  if (isThrottled(counts)) {
    await db.$transaction((tx) => audit(tx, "auth.login.failed", { reason: "throttled" }));
    return { error: SIGN_IN_ERRORS.throttled, delayMs: 0 };
  }

  const user = found?.active ? found : null;
  // Exactly one argon2id verification whether or not the account exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const failure = async (reason: string): Promise<Outcome> => {
    await db.$transaction((tx) => audit(tx, "auth.login.failed", { reason }));
    return { error: SIGN_IN_ERRORS.invalid, delayMs: failureDelayFor(counts) };
  };
  if (!user) return failure(found ? "inactive" : "unknown_account");
  if (!passwordOk) return failure("password");

  const code = classify(parsed.data.code);
  // Backup codes are argon2id hashes: compare them before the transaction, never while holding the row.
  const backupId = code.kind === "backup" ? await matchBackupCode(db, user.id, code.value) : null;

  return db.$transaction(async (tx): Promise<Outcome> => {
    await lockStaffRow(tx, user.id);
    const row = await tx.staffUser.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        name: true,
        active: true,
        sessionVersion: true,
        totpSecret: true,
        totpEnrolledAt: true,
        lastTotpStep: true,
      },
    });
    if (!row.active) {
      await audit(tx, "auth.login.failed", { reason: "inactive" });
      return { error: SIGN_IN_ERRORS.invalid, delayMs: failureDelayFor(counts) };
    }

    const fail = async (): Promise<Outcome> => {
      await audit(tx, "auth.login.failed", { reason: "code" });
      return { error: SIGN_IN_ERRORS.codeInvalid, delayMs: failureDelayFor(counts) };
    };
    const succeed = async (
      method: "password" | "totp" | "backup_code",
      extra: { lastTotpStep?: number } = {},
    ): Promise<Outcome> => {
      await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: now, ...extra } });
      await giveBack(tx, keys, now, true);
      const enrol = method === "password";
      await audit(tx, "auth.login", enrol ? { method, enrolmentPending: true } : { method });
      return { user: { id: user.id, name: row.name, sessionVersion: row.sessionVersion, enrol } };
    };

    if (row.totpEnrolledAt === null || row.totpSecret === null) return succeed("password");

    switch (code.kind) {
      case "none":
        // The first step of a normal sign-in: not a guess, so it costs nothing.
        await giveBack(tx, keys, now, false);
        return { error: SIGN_IN_ERRORS.codeRequired, delayMs: 0 };
      case "totp": {
        const masterKey = typeof options.masterKey === "function" ? options.masterKey() : options.masterKey;
        if (!masterKey) throw new Error("authorizeStaff needs the master key to check a TOTP code");
        const secret = openTotpSecret(masterKey, user.id, row.totpSecret);
        const step = verifyTotp(secret, code.value, { now, lastStep: row.lastTotpStep });
        return step === null ? fail() : succeed("totp", { lastTotpStep: step });
      }
      case "backup": {
        if (backupId === null) return fail();
        // Conditional on still unused: two requests with the same code, one wins.
        const used = await tx.backupCode.updateMany({
          where: { id: backupId, userId: user.id, usedAt: null },
          data: { usedAt: now },
        });
        if (used.count !== 1) return fail();
        const remaining = await tx.backupCode.count({ where: { userId: user.id, usedAt: null } });
        await audit(tx, "auth.backup_code.used", { remaining });
        return succeed("backup_code");
      }
      case "malformed":
        return fail();
    }
  });
}
