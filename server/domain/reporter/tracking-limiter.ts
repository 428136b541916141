/**
 * The tracking brake: wrong codes counted per client address in this process's memory only
 * (the address is kept as a keyed hash under a per-process salt, for one minute, and never
 * written anywhere), plus one global counter in the database shared by all instances.
 * It sheds load from wrong codes; it never refuses a right one (track-sign-in.ts).
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db.ts";
import { hmacSha256 } from "../crypto.ts";
import { bumpBucket } from "../rate-buckets.ts";

export const PER_CLIENT_LIMIT = 10;
export const GLOBAL_LIMIT = 500;
export const WINDOW_MS = 60_000;
/** Bounds memory under a flood of distinct addresses; the oldest clients are forgotten first. */
const MAX_CLIENTS = 50_000;

export class ClientFailureWindow {
  private readonly failures = new Map<string, number[]>();
  private readonly salt = randomBytes(32);

  constructor(
    private readonly limit = PER_CLIENT_LIMIT,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private key(client: string): string {
    return hmacSha256(this.salt, client).toString("base64");
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(client: string, now = Date.now()): boolean {
    return this.recent(this.key(client), now).length >= this.limit;
  }

  recordFailure(client: string, now = Date.now()): void {
    const key = this.key(client);
    const kept = this.recent(key, now);
    this.failures.delete(key);
    this.failures.set(key, [...kept, now]);
    if (this.failures.size > MAX_CLIENTS) this.failures.delete(this.failures.keys().next().value!);
  }
}

/** Fixed one-minute window in RateLimitBucket; returns the count after this failure. */
export async function countGlobalFailure(db: Db, secret: Buffer, now = new Date()): Promise<number> {
  return bumpBucket(db, hmacSha256(secret, "ratelimit:track:global"), WINDOW_MS, now);
}

export async function globalFailures(db: Db, secret: Buffer, now = new Date()): Promise<number> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: hmacSha256(secret, "ratelimit:track:global") } });
  return row && row.expiresAt > now ? row.count : 0;
}
