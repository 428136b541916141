/**
 * Once-only form posts: the form carries a random key, so a double submit (double click, back
 * and resend, a retry without JavaScript) answers with the first result instead of doing the
 * work twice. The result is stored sealed under a key derived from the form's own key: the row
 * reveals nothing (a receipt holds a tracking code), and only the holder of the form can read it.
 */
import type { Db } from "../db.ts";
import { hmacSha256, open, randomToken, seal, sha256 } from "./crypto.ts";
import { transaction } from "./transaction.ts";
import type { Tx } from "./tx.ts";

/** Form idempotency keys: random, URL-safe (forms send 32 bytes in base64url). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The posted key if well-formed, else a fresh one (the form then carries it on the next post). */
export const formKey = (posted: string): string => (IDEMPOTENCY_KEY.test(posted) ? posted : randomToken());

const KEEP_MS = 24 * 3_600_000;
const keyHash = (scope: string, raw: string) => sha256(`${scope}:${raw}`);
const resultKey = (raw: string) => hmacSha256(Buffer.from(raw), "lentera:receipt:v1");

/**
 * Runs `work` in one transaction the first time `scope` sees `rawKey`, and returns its result
 * then and on every later post of the same key (also when two posts race: the loser's key
 * insert waits for the winner, fails, and the loser answers with the winner's result).
 */
export async function once<T>(
  db: Db,
  scope: string,
  rawKey: string,
  now: Date,
  work: (tx: Tx) => Promise<{ result: T; caseId: string }>,
): Promise<T> {
  if (!IDEMPOTENCY_KEY.test(rawKey)) throw new Error("malformed idempotency key");
  // No read first and one write last: nearly every post is new. A repeated key fails the
  // insert (a concurrent duplicate waits on the key until the first transaction ends), its
  // transaction rolls back whole, and the replay below answers with the first result.
  try {
    // Retried when busy: a rolled-back attempt left no key row, so the next one starts clean.
    return await transaction(db, async (tx) => {
      const { result, caseId } = await work(tx);
      await tx.idempotencyKey.create({
        data: {
          keyHash: keyHash(scope, rawKey),
          scope,
          caseId,
          sealedResponse: seal(resultKey(rawKey), JSON.stringify(result)),
          createdAt: now,
          expiresAt: new Date(now.getTime() + KEEP_MS),
        },
        select: { scope: true },
      });
      return result;
    });
  } catch (error) {
    const winner = await replay<T>(db, scope, rawKey);
    if (winner !== null) return winner;
    throw error;
  }
}

async function replay<T>(db: Db, scope: string, raw: string): Promise<T | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { keyHash: keyHash(scope, raw) },
    select: { sealedResponse: true },
  });
  if (!row?.sealedResponse) return null;
  return JSON.parse(open(resultKey(raw), row.sealedResponse).toString("utf8")) as T;
}
