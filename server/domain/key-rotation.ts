/**
 * Master-key rotation: every value sealed directly under the master key is re-wrapped under a
 * new one while the service keeps running. Those values are
 * - Case.wrappedKey (each case's data key; everything else about a case is sealed under that),
 * - Letter.wrappedKey (the own data key of a case-less document),
 * - StaffUser.totpSecret (the second factor's secret, bound to its account),
 * - the email server's password in the `notifications.smtp` setting (re-sealed as the rotation finishes).
 * Each row carries the label of the key that sealed it (masterKeyVersion): rows already under
 * the new key's label are skipped, so the work is resumable after a crash at any point.
 *
 * Why there is no downtime: every process holds the new key with the previous one attached
 * (MasterKey.previous) and opens with whichever fits, while sealing only under the new key. So
 * rows may be re-wrapped one small batch at a time (each batch one short transaction) while
 * requests are served; a crash leaves every row under one key or the other, both readable.
 * secret_checks says which state the database is in (secret-check.ts): the NEXT row is written
 * before anything is sealed under the new key, and the last transaction, which first makes
 * sure nothing is left under the old key, moves the new check value into the
 * LENTERA_MASTER_KEY row. Audit entries mark the start and the end, with counts only.
 */
import type { Db } from "../db.ts";
import type { Tx } from "./tx.ts";
import { appendAudit } from "./audit.ts";
import {
  masterKeyring,
  masterKeyVersion,
  openUnderMasterKey,
  seal,
  unwrapDataKey,
  wrapDataKey,
  DecryptionError,
  type MasterKey,
} from "./crypto.ts";
import { resealSmtpPassword } from "./notifications/notification-settings.ts";
import { checkMatches, NEXT_MASTER_KEY_ROW, secretCheckValue, SecretCheckError } from "./secret-check.ts";

export class KeyRotationError extends Error {
  override name = "KeyRotationError";
}

export interface RotationCounts {
  caseKeys: number;
  letterKeys: number;
  totpSecrets: number;
}

const KINDS = ["caseKeys", "letterKeys", "totpSecrets"] as const;
type Kind = (typeof KINDS)[number];

const zero = (): RotationCounts => ({ caseKeys: 0, letterKeys: 0, totpSecrets: 0 });
export const totalOf = (c: RotationCounts) => c.caseKeys + c.letterKeys + c.totpSecrets;

/** Must match second-factor.ts: the TOTP secret is bound to its account. */
const totpAad = (userId: string) => Buffer.from(`lentera:totp-secret:v1:${userId}`);

/** Rows not yet under the key labelled `version` (a null label on a sealed value counts as not). */
const pendingWhere = {
  // A case whose content the retention rule destroyed has no data key left to re-wrap.
  caseKeys: (version: number) => ({ keyVersion: { not: version }, destroyedAt: null }),
  letterKeys: (version: number) => ({
    wrappedKey: { not: null },
    OR: [{ keyVersion: null }, { keyVersion: { not: version } }],
  }),
  totpSecrets: (version: number) => ({
    totpSecret: { not: null },
    OR: [{ totpKeyVersion: null }, { totpKeyVersion: { not: version } }],
  }),
};

export async function pendingCounts(db: Db | Tx, newKey: Buffer): Promise<RotationCounts> {
  const v = masterKeyVersion(newKey);
  const [caseKeys, letterKeys, totpSecrets] = await Promise.all([
    db.case.count({ where: pendingWhere.caseKeys(v) }),
    db.letter.count({ where: pendingWhere.letterKeys(v) }),
    db.staffUser.count({ where: pendingWhere.totpSecrets(v) }),
  ]);
  return { caseKeys, letterKeys, totpSecrets };
}

function reopen(what: string, open: () => Buffer): Buffer {
  try {
    return open();
  } catch (e) {
    // Stops the rotation (it resumes once the row is dealt with): finishing would make it unreadable for good.
    if (e instanceof DecryptionError)
      throw new KeyRotationError(
        `${what} opens with neither the new nor the previous master key; rotation stopped, nothing lost`,
      );
    throw e;
  }
}

/** Re-wraps up to `size` rows of one kind in one transaction; returns how many it did. */
async function rewrapBatch(db: Db, kind: Kind, keys: MasterKey, size: number): Promise<number> {
  const current = masterKeyring(keys);
  const v = masterKeyVersion(current);
  return db.$transaction(async (tx) => {
    let done = 0;
    if (kind === "caseKeys") {
      const rows = await tx.case.findMany({
        where: pendingWhere.caseKeys(v),
        select: { id: true, wrappedKey: true, keyVersion: true },
        orderBy: { id: "asc" },
        take: size,
      });
      for (const row of rows) {
        const dataKey = reopen(`the data key of case ${row.id}`, () => unwrapDataKey(keys, row.wrappedKey));
        // Conditional on the label read: a concurrent rotator's write is not undone.
        const { count } = await tx.case.updateMany({
          where: { id: row.id, keyVersion: row.keyVersion },
          data: { wrappedKey: wrapDataKey(current, dataKey), keyVersion: v },
        });
        done += count;
      }
    } else if (kind === "letterKeys") {
      const rows = await tx.letter.findMany({
        where: pendingWhere.letterKeys(v),
        select: { id: true, wrappedKey: true, keyVersion: true },
        orderBy: { id: "asc" },
        take: size,
      });
      for (const row of rows) {
        const dataKey = reopen(`the data key of letter ${row.id}`, () => unwrapDataKey(keys, row.wrappedKey!));
        const { count } = await tx.letter.updateMany({
          where: { id: row.id, keyVersion: row.keyVersion },
          data: { wrappedKey: wrapDataKey(current, dataKey), keyVersion: v },
        });
        done += count;
      }
    } else {
      const rows = await tx.staffUser.findMany({
        where: pendingWhere.totpSecrets(v),
        select: { id: true, totpSecret: true, totpKeyVersion: true },
        orderBy: { id: "asc" },
        take: size,
      });
      for (const row of rows) {
        const secret = reopen(`the TOTP secret of staff user ${row.id}`, () =>
          openUnderMasterKey(keys, row.totpSecret!, totpAad(row.id)),
        );
        const { count } = await tx.staffUser.updateMany({
          where: { id: row.id, totpKeyVersion: row.totpKeyVersion },
          data: { totpSecret: seal(current, secret, totpAad(row.id)), totpKeyVersion: v },
        });
        done += count;
      }
    }
    return done;
  });
}

export type RotationState = "not started" | "in progress" | "finished";

/**
 * Where the database stands for these keys (the new one, with the previous attached):
 * "finished" when the new key is already the LENTERA_MASTER_KEY row; throws SecretCheckError
 * when the keys are not this database's.
 */
export async function rotationState(db: Db | Tx, keys: MasterKey): Promise<RotationState> {
  const name = "LENTERA_MASTER_KEY";
  const current = masterKeyring(keys);
  const rows = await db.secretCheck.findMany({ where: { name: { in: [name, NEXT_MASTER_KEY_ROW] } } });
  const stored = rows.find((r) => r.name === name)?.check;
  const next = rows.find((r) => r.name === NEXT_MASTER_KEY_ROW)?.check;
  if (!next && checkMatches(stored, name, current)) return "finished";
  if (!keys.previous || !checkMatches(stored, name, keys.previous))
    throw new SecretCheckError("the previous master key is not this database's master key; nothing was changed");
  if (!next) return "not started";
  if (!checkMatches(next, name, current))
    throw new SecretCheckError(
      "another rotation, to a different new master key, is in progress; finish it with that key first; nothing was changed",
    );
  return "in progress";
}

/**
 * Makes the database know the new key (its NEXT row) before anything is sealed under it;
 * returns the state before. Throws when the keys are not this database's.
 */
export async function beginRotation(db: Db, keys: MasterKey): Promise<RotationState> {
  const state = await rotationState(db, keys);
  if (state !== "not started") return state;
  const current = masterKeyring(keys);
  await db.secretCheck.createMany({
    data: [
      {
        name: NEXT_MASTER_KEY_ROW,
        version: masterKeyVersion(current),
        check: secretCheckValue("LENTERA_MASTER_KEY", current),
      },
    ],
    skipDuplicates: true,
  });
  if ((await rotationState(db, keys)) !== "in progress")
    throw new KeyRotationError("another rotation began at the same moment; nothing was changed");
  return state;
}

export interface RotateOptions {
  /** Rows per transaction: small, so requests are never held up for long. */
  batchSize?: number;
  /** Who runs it, for the audit trail: "keys:rotate" or "server". */
  by: string;
  /** Called after each batch (progress; tests throw here to simulate a crash). */
  afterBatch?: (batches: number, done: RotationCounts) => void | Promise<void>;
  now?: () => Date;
}

export interface RotationResult {
  state: "finished" | "already finished";
  rewrapped: RotationCounts;
  batches: number;
}

/**
 * Re-wraps everything still under the previous key and finishes the rotation. Safe to run again
 * after a crash, and alongside another rotator (conditional updates).
 */
export async function rotateMasterKey(db: Db, keys: MasterKey, options: RotateOptions): Promise<RotationResult> {
  const now = options.now ?? (() => new Date());
  const size = options.batchSize ?? 100;
  const current = masterKeyring(keys);
  const state = await beginRotation(db, keys);
  if (state === "finished") return { state: "already finished", rewrapped: zero(), batches: 0 };
  const pending = await pendingCounts(db, current);
  await appendAudit(db, {
    actorLabel: "system",
    action: "keys.rotation.start",
    detail: {
      by: options.by,
      resumed: state === "in progress",
      pending: { ...pending },
      newKeyVersion: masterKeyVersion(current),
    },
    at: now(),
  });

  const rewrapped = zero();
  let batches = 0;
  for (;;) {
    for (const kind of KINDS) {
      for (;;) {
        const n = await rewrapBatch(db, kind, keys, size);
        if (n === 0) break;
        rewrapped[kind] += n;
        batches++;
        await options.afterBatch?.(batches, { ...rewrapped });
        await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in between batches
      }
    }
    const finished = await db.$transaction(async (tx) => {
      // Checked in the transaction that finishes: a row sealed under the old key by a request
      // still in flight sends the loop round once more instead of being stranded.
      if (totalOf(await pendingCounts(tx, current)) > 0) return false;
      if ((await rotationState(tx, keys)) === "finished") return true; // another rotator finished it
      // The one value sealed under the master key outside a row of its own: the email server's password.
      await resealSmtpPassword(tx, keys);
      await tx.secretCheck.update({
        where: { name: "LENTERA_MASTER_KEY" },
        data: {
          version: masterKeyVersion(current),
          check: secretCheckValue("LENTERA_MASTER_KEY", current),
          recordedAt: now(),
        },
      });
      await tx.secretCheck.delete({ where: { name: NEXT_MASTER_KEY_ROW } });
      await appendAudit(tx, {
        actorLabel: "system",
        action: "keys.rotation.finish",
        detail: { by: options.by, rewrapped: { ...rewrapped }, batches, newKeyVersion: masterKeyVersion(current) },
        at: now(),
      });
      return true;
    });
    if (finished) return { state: "finished", rewrapped, batches };
  }
}
