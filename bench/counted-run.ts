/**
 * A fixed number of operations, a fixed number at a time (the scale-out check: "200
 * submissions, 20 at a time"), unlike autocannon's fixed duration. Each operation answers
 * null for the expected success or a short reason otherwise; a thrown error is a failure too.
 */

export interface CountedResult {
  total: number;
  concurrency: number;
  succeeded: number;
  failed: number;
  /** reason → count, e.g. {"HTTP 500": 3, "no receipt": 1}. */
  failures: Record<string, number>;
  wallMs: number;
  /** Finished operations (successes and failures) per second of wall time. */
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

/** Nearest-rank percentile of sorted values (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** A failure's reason in a few words, so that equal causes add up in the table. */
export function failureReason(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const text = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return text.replace(/\s+/g, " ").slice(0, 80);
}

export async function runCounted(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<string | null>,
): Promise<CountedResult> {
  if (!Number.isInteger(total) || total < 0 || !Number.isInteger(concurrency) || concurrency < 1)
    throw new Error("total ≥ 0 and concurrency ≥ 1, whole numbers");
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let succeeded = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const t0 = performance.now();
      let reason: string | null;
      try {
        reason = await operation(index);
      } catch (e) {
        reason = failureReason(e);
      }
      latencies.push(performance.now() - t0);
      if (reason === null) succeeded++;
      else failures[reason] = (failures[reason] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(total, 1)) }, worker));
  const wallMs = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  return {
    total,
    concurrency,
    succeeded,
    failed: total - succeeded,
    failures,
    wallMs: round(wallMs),
    requestsPerSec: wallMs > 0 ? Math.round((total / wallMs) * 1000 * 10) / 10 : 0,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
  };
}
