/**
 * Single-use backup codes for the staff second factor: ten codes like `7kq3-mx9p`, shown once at
 * enrolment. Symbols that are easy to confuse on paper (0/o, 1/l/i) are left out, and input is
 * forgiving about case, spaces and the hyphen. Storage (argon2id hashes) is in server/auth.
 */
import { randomInt } from "node:crypto";

export const BACKUP_CODE_COUNT = 10;
/** 8 digits and 23 letters: no 0, 1, i, l, o. */
export const BACKUP_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const BACKUP_CODE_LENGTH = 8;

const NORMALISED = new RegExp(`^[${BACKUP_CODE_ALPHABET}]{${BACKUP_CODE_LENGTH}}$`);

function randomCode(): string {
  return Array.from(
    { length: BACKUP_CODE_LENGTH },
    () => BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)],
  ).join("");
}

/** `count` distinct codes, formatted `xxxx-xxxx` (about 39.6 random bits each). */
export function generateBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes].map(formatBackupCode);
}

/** The canonical form that is hashed (8 lower-case symbols), or null when `input` cannot be a backup code. */
export function normaliseBackupCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "");
  return NORMALISED.test(clean) ? clean : null;
}

export function formatBackupCode(normalised: string): string {
  return `${normalised.slice(0, 4)}-${normalised.slice(4)}`;
}
