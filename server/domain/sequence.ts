/**
 * Yearly counters (case references, letter numbers, agenda books). One upsert takes the
 * next value; the row lock serialises concurrent callers, and a rolled-back transaction
 * gives its number back, so numbers are never duplicated or skipped.
 */
import type { Tx } from "./tx.ts";

export async function nextSequence(tx: Tx, scope: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last_value: number }[]>`
    INSERT INTO sequences (scope, year, last_value, updated_at) VALUES (${scope}, ${year}, 1, now())
    ON CONFLICT (scope, year) DO UPDATE SET last_value = sequences.last_value + 1, updated_at = now()
    RETURNING last_value`;
  return Number(rows[0]!.last_value);
}

/** Renders a numbering pattern: {seq}, {seq:N} (zero-padded to N digits), {year}. */
export function formatNumber(pattern: string, values: { seq: number; year: number }): string {
  return pattern
    .replace(/\{seq(?::(\d))?\}/g, (_, pad: string | undefined) => String(values.seq).padStart(Number(pad ?? 0), "0"))
    .replace(/\{year\}/g, String(values.year));
}
