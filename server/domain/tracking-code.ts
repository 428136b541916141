/**
 * Tracking codes: 16 Crockford base32 symbols = 80 random bits, shown as
 * XXXX-XXXX-XXXX-XXXX. Only HMAC-SHA-256(tracking key, normalised code) is stored; lookup
 * is one unique-index probe on that MAC, so nothing compares the secret byte by byte.
 */
import { hmacSha256, type Bytes } from "./crypto.ts";
import { inGroupsOfFour, normaliseSymbols, randomSymbols } from "./crockford.ts";

const LENGTH = 16;

/** A new code, grouped for reading aloud and copying. */
export function generateTrackingCode(): string {
  return formatTrackingCode(randomSymbols(LENGTH));
}

export function formatTrackingCode(normalised: string): string {
  return inGroupsOfFour(normalised);
}

/** The canonical 16 symbols of what a reporter typed, or null when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  return normaliseSymbols(input, LENGTH, 64);
}

export function trackingHash(trackingKey: Buffer, normalised: string): Bytes {
  return hmacSha256(trackingKey, `tracking:${normalised}`);
}
