/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 6 digits, 30-second
 * steps, one step of clock drift either way, the settings every authenticator app understands.
 * Built on node:crypto alone, so the e2e helpers compute codes with this same module.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted before and after the current one (phone clocks drift). */
export const TOTP_WINDOW = 1;
/** RFC 4226 recommends at least 128 bits; 160 bits is the HMAC-SHA-1 block of authenticator apps. */
export const TOTP_SECRET_BYTES = 20;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding (what otpauth:// URIs and manual entry use). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces, hyphens and trailing padding; throws on any other symbol. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, "").replace(/=+$/, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error("invalid base32 symbol");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** A fresh random secret (20 bytes). */
export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** The time step (Unix seconds / 30, rounded down) of an instant. */
export function timeStep(at: Date | number = Date.now()): number {
  const ms = typeof at === "number" ? at : at.getTime();
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

/** When a time step begins, in milliseconds since the epoch. */
export function stepStartsAt(step: number): number {
  return step * TOTP_PERIOD_SECONDS * 1000;
}

/** RFC 4226 HOTP: HMAC-SHA-1 of the 8-byte big-endian counter, dynamically truncated. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError("counter must be a non-negative integer");
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

/** The code of one time step. */
export function totpForStep(key: Uint8Array, step: number, digits = TOTP_DIGITS): string {
  return hotp(key, step, digits);
}

/** The code shown by an authenticator app at `at`. */
export function totp(key: Uint8Array, at: Date | number = Date.now(), digits = TOTP_DIGITS): string {
  return hotp(key, timeStep(at), digits);
}

export interface TotpCheck {
  now?: Date | number;
  /** The last step accepted for this secret: it and every earlier step are refused (replay guard). */
  lastStep?: number | null;
  window?: number;
}

/** Spaces are allowed (apps show "123 456"); nothing else. */
export function normaliseTotpCode(code: string): string | null {
  const clean = code.replace(/\s/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(clean) ? clean : null;
}

/**
 * The time step `code` belongs to, or null. Looks at the current step ± `window`, skipping steps
 * at or before `lastStep`; the caller stores the returned step as the new `lastStep`. Every step
 * in the window is compared in constant time, whether or not an earlier one matched.
 */
export function verifyTotp(key: Uint8Array, code: string, check: TotpCheck = {}): number | null {
  const clean = normaliseTotpCode(code);
  if (clean === null) return null;
  const current = timeStep(check.now ?? Date.now());
  const window = check.window ?? TOTP_WINDOW;
  const given = Buffer.from(clean);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const equal = timingSafeEqual(given, Buffer.from(totpForStep(key, step)));
    const fresh = check.lastStep === null || check.lastStep === undefined || step > check.lastStep;
    if (equal && fresh && matched === null) matched = step;
  }
  return matched;
}

/** "ABCD EFGH …": the secret in groups of four for typing into an app by hand. */
export function formatSecret(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The Key URI Format understood by authenticator apps
 * (otpauth://totp/Issuer:account?secret=…&issuer=…), rendered as a QR code.
 */
export function otpauthUri(input: { secret: Uint8Array | string; account: string; issuer: string }): string {
  const { issuer } = input;
  const secret = typeof input.secret === "string" ? input.secret : base32Encode(input.secret);
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(input.account)}`;
  const params = [
    ["secret", secret],
    ["issuer", issuer],
    ["algorithm", "SHA1"],
    ["digits", String(TOTP_DIGITS)],
    ["period", String(TOTP_PERIOD_SECONDS)],
  ].map(([k, v]) => `${k}=${encodeURIComponent(v!)}`);
  return `otpauth://totp/${label}?${params.join("&")}`;
}
