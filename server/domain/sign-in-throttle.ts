/**
 * Throttling staff sign-in without telling which accounts exist and without letting anyone
 * lock an account.
 *
 * Every attempt takes one unit, before anything is checked, from three fixed-window counters
 * keyed on what was SUBMITTED (the identifier, normalised), never on whether an account
 * exists, so unknown and known usernames and NIPs see exactly the same answers and delays:
 * - pair (identifier, client address): the fifth failure waits 4 s; past PAIR_LIMIT this
 *   address may not try this identifier again until the window ends;
 * - address (any identifier): past ADDRESS_LIMIT the address may not try anything (stops
 *   password spraying across usernames);
 * - identifier (any address): past IDENTIFIER_SLOW_AFTER every failure on it waits the
 *   longest delay. It only slows, never refuses, so strangers elsewhere cannot keep the owner
 *   out: the owner's own address keeps its own pair and address budget.
 * A complete sign-in (or a right password awaiting its code) gives its unit back.
 *
 * What bounds online guessing overall: an attacker gets at most ADDRESS_LIMIT tries per
 * window per address (IPv6: per /64), answered ever more slowly; a right password alone is
 * not a session for an enrolled account, whose 6-digit TOTP code (one-time, about 3 in a
 * million per guess) or backup code is guessed under the same budgets.
 */
import { hmacSha256 } from "./crypto.ts";

export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_WINDOW_MS = THROTTLE_WINDOW_MINUTES * 60_000;
export const PAIR_LIMIT = 10;
export const ADDRESS_LIMIT = 30;
export const IDENTIFIER_SLOW_AFTER = 10;
export const MAX_FAILURE_DELAY_MS = 4000;

/** Wait after the n-th failure in the window: 250 ms, 500 ms, 1 s, 2 s, 4 s, 4 s, … */
export function failureDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_FAILURE_DELAY_MS, 250 * 2 ** (failures - 1));
}

/** The submitted username or NIP as counted: case, width and spacing do not make a new identifier. */
export function identifierKey(submitted: string): string {
  return submitted.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export interface ThrottleKeys {
  pair: Buffer;
  address: Buffer;
  identifier: Buffer;
}

/** Keyed hashes: a typed identifier can be a password typed in the wrong field, and never lands in the database. */
export function throttleKeys(secret: Buffer, identifier: string, addressUnit: string): ThrottleKeys {
  const id = identifierKey(identifier);
  return {
    pair: hmacSha256(secret, `signin:pair\0${id}\0${addressUnit}`),
    address: hmacSha256(secret, `signin:address\0${addressUnit}`),
    identifier: hmacSha256(secret, `signin:identifier\0${id}`),
  };
}

/** Counts after this attempt took its unit. */
export interface ThrottleCounts {
  pair: number;
  address: number;
  identifier: number;
}

/** Refused before any check: only this address's own budgets can refuse it. */
export function isThrottled(counts: ThrottleCounts): boolean {
  return counts.pair > PAIR_LIMIT || counts.address > ADDRESS_LIMIT;
}

/** The wait before a failure is answered. */
export function failureDelayFor(counts: ThrottleCounts): number {
  const fromIdentifier = counts.identifier > IDENTIFIER_SLOW_AFTER ? MAX_FAILURE_DELAY_MS : 0;
  return Math.max(failureDelayMs(counts.pair), fromIdentifier);
}
