/**
 * Tracking codes (DESIGN.md §5): 16 Crockford base32 symbols = 80 random bits, shown as
 * XXXX-XXXX-XXXX-XXXX. Only HMAC-SHA-256(tracking key, normalised code) is stored; lookup
 * is one unique-index probe on that MAC, so nothing compares the secret byte by byte.
 */
import { randomBytes } from "node:crypto";
import { hmacSha256, type Bytes } from "./crypto.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 16;

/** A new code, grouped for reading aloud and copying. */
export function generateTrackingCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = LENGTH - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return formatTrackingCode(out);
}

export function formatTrackingCode(normalised: string): string {
  return normalised.match(/.{4}/g)!.join("-");
}

/**
 * The canonical 16 symbols of what a reporter typed, or null when it cannot be a code.
 * Forgiving as Crockford intends: case, spaces and hyphens are ignored, I/L read as 1, O as 0.
 */
export function normaliseTrackingCode(input: string): string | null {
  if (input.length > 64) return null;
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (cleaned.length !== LENGTH) return null;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return null;
  return cleaned;
}

export function trackingHash(trackingKey: Buffer, normalised: string): Bytes {
  return hmacSha256(trackingKey, `tracking:${normalised}`);
}
