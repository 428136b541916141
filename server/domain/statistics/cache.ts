/**
 * A short in-process cache for computed aggregates: at 100 000 cases the statistics take a
 * few hundred milliseconds to count (on embedded PGlite, on the server's own thread), and they
 * change slowly. Within the TTL every request gets the cached figures. After it, the first
 * request starts one recomputation and, like every request until it is done, still gets the
 * previous figures (stale-while-revalidate), so no reader waits for the count. Only the very
 * first request for a key waits. Each server instance has its own.
 */
interface Entry {
  expires: number;
  /** The latest finished value (served while a newer one is computed). */
  value?: Promise<unknown>;
  /** A computation in progress. */
  pending?: Promise<unknown>;
}

/**
 * One map per process, on globalThis: Next.js loads this module once per layer (pages, route
 * handlers, start-up), and a map per copy would count the same figures once per layer and keep
 * them as many times.
 */
const KEY = Symbol.for("lentera.statisticsCache");
const entries: Map<string, Entry> = ((globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>)[KEY] ??=
  new Map());

export const STATISTICS_TTL_MS = 60_000;

export function cached<T>(
  key: string,
  compute: () => Promise<T>,
  ttlMs = STATISTICS_TTL_MS,
  now = Date.now(),
): Promise<T> {
  const entry = entries.get(key) ?? { expires: 0 };
  entries.set(key, entry);
  if (entry.value && entry.expires > now) return entry.value as Promise<T>;
  if (!entry.pending) {
    const pending = compute();
    entry.pending = pending;
    pending.then(
      () => {
        entry.value = pending;
        entry.expires = Date.now() + ttlMs;
        entry.pending = undefined;
      },
      // A failed computation is not kept; the next request tries again.
      () => (entry.pending = undefined),
    );
  }
  // Forget long-expired entries now and then (keys are few: one per year, period and reader).
  if (entries.size > 500) for (const [k, e] of entries) if (!e.pending && e.expires < now - ttlMs) entries.delete(k);
  return (entry.value ?? entry.pending) as Promise<T>;
}

/** Drops every cached figure (tests; a future "recompute now" button). */
export function clearStatisticsCache(): void {
  entries.clear();
}
