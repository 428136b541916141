/**
 * Crockford base32, the alphabet of every code a person reads or types (tracking codes, letter
 * verification codes): no I, L, O or U, so it survives handwriting and reading aloud.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `count` random symbols, 5 random bits each. */
export function randomSymbols(count: number): string {
  const bytes = randomBytes(Math.ceil((count * 5) / 8));
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = count - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/**
 * The canonical symbols of what someone typed, or null when it cannot be `length` symbols.
 * Forgiving as Crockford intends: case, spaces and hyphens are ignored, I/L read as 1, O as 0.
 */
export function normaliseSymbols(input: string, length: number, maxInput: number): string | null {
  if (input.length > maxInput) return null;
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (cleaned.length !== length) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

/** Groups of four for reading aloud and copying: ABCD-EFGH-… */
export function inGroupsOfFour(symbols: string): string {
  return symbols.match(/.{1,4}/g)!.join("-");
}
