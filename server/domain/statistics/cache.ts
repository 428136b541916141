/**
 * A short in-process cache for computed aggregates: at 100 000 cases the statistics take tens
 * of milliseconds to count, and they change slowly. The promise is cached, so concurrent
 * requests after expiry wait for one computation. Each server instance has its own copy.
 */
const entries = new Map<string, { expires: number; value: Promise<unknown> }>();

export const STATISTICS_TTL_MS = 60_000;

export function cached<T>(key: string, compute: () => Promise<T>, ttlMs = STATISTICS_TTL_MS, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { expires: now + ttlMs, value });
  // A failed computation is not kept.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  // Forget expired entries now and then (keys are few: one per year and period asked for).
  if (entries.size > 200) for (const [k, e] of entries) if (e.expires <= now) entries.delete(k);
  return value;
}

/** Drops every cached figure (tests; a future "recompute now" button). */
export function clearStatisticsCache(): void {
  entries.clear();
}
