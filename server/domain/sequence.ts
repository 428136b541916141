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

const ROMAN: readonly string[] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The month in Roman numerals, as Indonesian letter numbers write it (11 → "XI"). */
export function romanMonth(month: number): string {
  const roman = ROMAN[month - 1];
  if (!roman) throw new RangeError(`month ${month} is not 1..12`);
  return roman;
}

/** Placeholders a numbering pattern may use. */
export const NUMBER_TOKENS = /\{(seq(?::\d)?|year|month|code)\}/g;

export interface NumberValues {
  seq: number;
  year: number;
  /** 1..12, printed in Roman numerals by {month}. */
  month?: number;
  /** Short code of the letter type, printed by {code}. */
  code?: string;
}

/**
 * Renders a numbering pattern: {seq}, {seq:N} (zero-padded to N digits), {year}, {month}
 * (Roman numerals) and {code} (the letter type's code).
 */
export function formatNumber(pattern: string, values: NumberValues): string {
  return pattern.replace(NUMBER_TOKENS, (_, token: string) => {
    if (token.startsWith("seq")) return String(values.seq).padStart(Number(token.split(":")[1] ?? 0), "0");
    if (token === "year") return String(values.year);
    if (token === "month") {
      if (values.month === undefined) throw new RangeError("this pattern needs a month");
      return romanMonth(values.month);
    }
    if (values.code === undefined) throw new RangeError("this pattern needs a type code");
    return values.code;
  });
}
