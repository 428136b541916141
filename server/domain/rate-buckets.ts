/**
 * Fixed-window counters in rate_limit_buckets, shared by every server instance. Keys are
 * keyed hashes: what was counted (an address, a typed username) is never stored.
 */
import type { Db } from "../db.ts";
import type { Tx } from "./tx.ts";

/** Adds one to the bucket (starting a new window if the last one has ended); returns the count after. */
export async function bumpBucket(db: Db | Tx, key: Uint8Array, windowMs: number, now = new Date()): Promise<number> {
  const expires = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, count, window_start, expires_at) VALUES (${key}, 1, ${now}, ${expires})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets.expires_at <= ${now} THEN 1 ELSE rate_limit_buckets.count + 1 END,
      window_start = CASE WHEN rate_limit_buckets.expires_at <= ${now} THEN ${now} ELSE rate_limit_buckets.window_start END,
      expires_at = CASE WHEN rate_limit_buckets.expires_at <= ${now} THEN ${expires} ELSE rate_limit_buckets.expires_at END
    RETURNING count`;
  return Number(rows[0]!.count);
}

/** Gives back one unit taken by bumpBucket in the current window (never below zero). */
export async function refundBucket(db: Db | Tx, key: Uint8Array, now = new Date()): Promise<void> {
  await db.$executeRaw`UPDATE rate_limit_buckets SET count = count - 1 WHERE key = ${key} AND expires_at > ${now} AND count > 0`;
}

export async function clearBucket(db: Db | Tx, key: Uint8Array): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limit_buckets WHERE key = ${key}`;
}

/** The count in the current window (0 once it has ended). */
export async function bucketCount(db: Db | Tx, key: Uint8Array, now = new Date()): Promise<number> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: Buffer.from(key) } });
  return row && row.expiresAt > now ? row.count : 0;
}

/** Drops counters whose window has ended (they would count from zero anyway). */
export async function purgeExpiredBuckets(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit_buckets WHERE expires_at <= ${now}`;
}
