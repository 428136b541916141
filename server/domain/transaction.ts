/**
 * Short transactions that hold on a busy database. Every transaction here only reads and
 * writes rows (PDFs, image work, hashing and encryption are done before or after), so it
 * takes milliseconds; the limits below only catch a database that is overloaded or locked.
 * A transaction that still fails for lack of time or on a lock conflict has been rolled back
 * whole, so it is tried again (its work must be safe to repeat: a guarded status move, a
 * once-only key); when it keeps failing the caller gets BusyError, shown to people as
 * "busy, nothing was saved, try again", never the database's own message.
 */
import type { Db } from "../db.ts";
import type { Tx } from "./tx.ts";
import { DomainError } from "./errors.ts";
import { driverTransactionScope } from "../driver-transaction.ts";

/** Nothing was saved because the database was too busy; the same request may simply be sent again. */
export class BusyError extends DomainError {
  override name = "BusyError";
  constructor(options?: { cause?: unknown }) {
    super("system.busy", "the database is busy; nothing was saved, try again", options);
  }
}

/** Waiting for a connection, and the whole transaction: generous against load, far below a request's patience. */
export const TX_LIMITS = { maxWait: 10_000, timeout: 15_000 } as const;

// P2028: no connection within maxWait, or the transaction ran past its timeout (rolled back).
// P2034: serialization failure or deadlock (PostgreSQL 40001 / 40P01), rolled back by the database.
const BUSY_CODES = new Set(["P2028", "P2034"]);
const BUSY_SQLSTATES = new Set(["40001", "40P01", "55P03", "57014"]);

/** Whether the error is a rolled-back transaction that failed for time or a lock conflict, not for its content. */
export function isBusyError(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof BusyError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (BUSY_CODES.has(code) || BUSY_SQLSTATES.has(code))) return true;
    const original = (e as { originalCode?: unknown }).originalCode;
    if (typeof original === "string" && BUSY_SQLSTATES.has(original)) return true;
  }
  return false;
}

export interface TransactionOptions {
  /** Tries in all (default 3); 1 for work that must not run twice. */
  attempts?: number;
  maxWait?: number;
  timeout?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One interactive transaction with explicit limits, retried when busy; BusyError when it stays busy. */
export async function transaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const limits = { maxWait: options.maxWait ?? TX_LIMITS.maxWait, timeout: options.timeout ?? TX_LIMITS.timeout };
  for (let attempt = 1; ; attempt++) {
    try {
      // In a scope of its own, so statements sent through the driver join this attempt.
      return await driverTransactionScope(() => db.$transaction(work, limits));
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (attempt >= attempts) throw new BusyError({ cause: error });
      // A little random wait so the colliding requests do not collide again.
      await pause(50 * attempt + Math.floor(Math.random() * 100));
    }
  }
}
