/**
 * The staff second factor: the TOTP secret sealed under the master key, single-use backup codes
 * stored as argon2id hashes, and enrolment (pending secret → confirmed with one code → ten
 * backup codes shown once).
 *
 * "Not enrolled" means `totpEnrolledAt` is null. A pending secret (`totpSecret` set, not yet
 * confirmed) survives a page reload, so a QR code already scanned stays valid. An Admin reset
 * clears the secret, the date and the backup codes: the next sign-in enrols again.
 */
import type { Db } from "../db.ts";
import { DomainError } from "../domain/errors.ts";
import { appendAudit } from "../domain/audit.ts";
import { generateBackupCodes, normaliseBackupCode } from "../domain/backup-codes.ts";
import { DecryptionError, masterKeyVersion, openUnderMasterKey, seal, type Bytes } from "../domain/crypto.ts";
import { base32Encode, generateTotpSecret, otpauthUri, verifyTotp } from "../domain/totp.ts";
import { totpIssuer } from "../domain/office-facts.ts";
import { getSetting } from "../domain/settings.ts";
import type { Tx } from "../domain/tx.ts";
import { hashPassword, verifyPassword } from "../domain/password.ts";
import { upgradeEnrolmentSession } from "./session-record.ts";

/** Binds a sealed secret to its account: a box copied onto another row does not open. */
const secretAad = (userId: string) => Buffer.from(`lentera:totp-secret:v1:${userId}`);

export function sealTotpSecret(masterKey: Buffer, userId: string, secret: Buffer): Bytes {
  return seal(masterKey, secret, secretAad(userId));
}

export function openTotpSecret(masterKey: Buffer, userId: string, box: Uint8Array): Buffer {
  return openUnderMasterKey(masterKey, box, secretAad(userId));
}

/**
 * Backup codes carry about 39.6 random bits (8 symbols of 31): too few for a plain SHA-256 to
 * resist an offline search of a leaked table, so each is hashed with argon2id like a password.
 */
export function hashBackupCodes(codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hashPassword(normaliseBackupCode(code) ?? code)));
}

/** The id of the unused backup code of `userId` that `input` matches, or null. Marks nothing. */
export async function matchBackupCode(db: Db | Tx, userId: string, input: string): Promise<string | null> {
  const normalised = normaliseBackupCode(input);
  if (normalised === null) return null;
  const rows = await db.backupCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const results = await Promise.all(rows.map((row) => verifyPassword(row.codeHash, normalised)));
  return rows[results.indexOf(true)]?.id ?? null;
}

export function unusedBackupCodes(db: Db, userId: string): Promise<number> {
  return db.backupCode.count({ where: { userId, usedAt: null } });
}

/** Row lock on the account for the rest of the transaction (PostgreSQL; PGlite has one connection anyway). */
export async function lockStaffRow(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM staff_users WHERE id = ${userId} FOR UPDATE`;
}

export type EnrolmentErrorCode = "code_invalid" | "not_pending";

export class EnrolmentError extends DomainError {
  override name = "EnrolmentError";
  constructor(enrolmentCode: EnrolmentErrorCode) {
    super(`enrolment.${enrolmentCode}`, enrolmentCode);
  }
}

export interface PendingEnrolment {
  /** Base32, for manual entry. */
  secret: string;
  /** otpauth:// URI for the QR code. */
  uri: string;
  account: string;
}

function tryOpen(masterKey: Buffer, userId: string, box: Uint8Array | null, keyVersion: number | null): Buffer | null {
  if (!box || keyVersion === null) return null;
  try {
    return openTotpSecret(masterKey, userId, box);
  } catch (error) {
    if (error instanceof DecryptionError) return null;
    throw error;
  }
}

/** The pending secret of a not-yet-enrolled account, created on first call and kept until confirmed. */
export async function startEnrolment(db: Db, masterKey: Buffer, userId: string): Promise<PendingEnrolment> {
  const select = { username: true, totpSecret: true, totpKeyVersion: true, totpEnrolledAt: true } as const;
  let user = await db.staffUser.findUniqueOrThrow({ where: { id: userId }, select });
  if (user.totpEnrolledAt) throw new EnrolmentError("not_pending");
  let secret = tryOpen(masterKey, userId, user.totpSecret, user.totpKeyVersion);
  if (!secret) {
    const box = sealTotpSecret(masterKey, userId, generateTotpSecret());
    const data = { totpSecret: box, totpKeyVersion: masterKeyVersion(masterKey), lastTotpStep: null };
    if (user.totpSecret === null) {
      // Two tabs at once: the first write wins and both show the stored secret.
      await db.staffUser.updateMany({ where: { id: userId, totpEnrolledAt: null, totpSecret: null }, data });
    } else {
      // A pending secret that no longer opens (master key replaced): start over.
      await db.staffUser.updateMany({ where: { id: userId, totpEnrolledAt: null }, data });
    }
    user = await db.staffUser.findUniqueOrThrow({ where: { id: userId }, select });
    if (user.totpEnrolledAt) throw new EnrolmentError("not_pending");
    secret = tryOpen(masterKey, userId, user.totpSecret, user.totpKeyVersion);
    if (!secret) throw new Error("the pending TOTP secret could not be stored");
  }
  const encoded = base32Encode(secret);
  const issuer = totpIssuer(await getSetting(db, "office.identity"));
  return {
    secret: encoded,
    uri: otpauthUri({ secret: encoded, account: user.username, issuer }),
    account: user.username,
  };
}

export interface EnrolmentPrincipal {
  id: string;
  username: string;
  sessionVersion: number;
  /** The enrolment session confirming: it becomes a full session (the others end). */
  sessionId?: string;
}

export interface ConfirmOptions {
  now?: Date;
  ipAddress?: string | null;
}

/**
 * Confirms the pending secret with one code from the app: stores the enrolment date and the
 * accepted step (so that code cannot sign in), replaces the backup codes, bumps the session
 * version (every other session of the account ends; the next sign-in needs a code), upgrades
 * the confirming enrolment session to a full one (its token is re-issued by the session
 * endpoint, options.ts) and audits. Returns the ten backup codes, the only time they exist in
 * plain text.
 */
export async function confirmEnrolment(
  db: Db,
  masterKey: Buffer,
  who: EnrolmentPrincipal,
  code: string,
  options: ConfirmOptions = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const pending = await db.staffUser.findUniqueOrThrow({
    where: { id: who.id },
    select: { totpSecret: true, totpKeyVersion: true, totpEnrolledAt: true },
  });
  if (pending.totpEnrolledAt) throw new EnrolmentError("not_pending");
  const secret = tryOpen(masterKey, who.id, pending.totpSecret, pending.totpKeyVersion);
  if (!secret) throw new EnrolmentError("not_pending");
  // A new secret: steps used with an earlier (reset) secret do not matter.
  if (verifyTotp(secret, code, { now }) === null) throw new EnrolmentError("code_invalid");

  // argon2id is slow: hash before the transaction, which holds the row (and PGlite's only connection).
  const codes = generateBackupCodes();
  const hashes = await hashBackupCodes(codes);

  await db.$transaction(async (tx) => {
    await lockStaffRow(tx, who.id);
    const user = await tx.staffUser.findUniqueOrThrow({
      where: { id: who.id },
      select: { active: true, sessionVersion: true, totpSecret: true, totpKeyVersion: true, totpEnrolledAt: true },
    });
    if (!user.active || user.totpEnrolledAt || user.sessionVersion !== who.sessionVersion)
      throw new EnrolmentError("not_pending");
    // Re-read under the lock: the secret may have been replaced since the check above.
    const current = tryOpen(masterKey, who.id, user.totpSecret, user.totpKeyVersion);
    const step = current ? verifyTotp(current, code, { now }) : null;
    if (step === null) throw new EnrolmentError("code_invalid");
    await tx.staffUser.update({
      where: { id: who.id },
      data: { totpEnrolledAt: now, lastTotpStep: step, sessionVersion: { increment: 1 } },
    });
    if (who.sessionId) await upgradeEnrolmentSession(tx, { sessionId: who.sessionId, userId: who.id });
    await tx.backupCode.deleteMany({ where: { userId: who.id } });
    await tx.backupCode.createMany({ data: hashes.map((codeHash) => ({ userId: who.id, codeHash, createdAt: now })) });
    await appendAudit(tx, {
      actorId: who.id,
      actorLabel: who.username,
      action: "auth.totp.enrolled",
      target: `user:${who.id}`,
      detail: { backupCodes: codes.length },
      ipAddress: options.ipAddress ?? null,
      at: now,
    });
  });
  return codes;
}
