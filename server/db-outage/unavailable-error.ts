/**
 * The one error the app raises for "the database cannot be reached right now". Its digest is
 * kept by Next.js (a thrown error's own digest is respected), so error pages, which only see
 * the digest in production, can tell an outage from a fault.
 */
import { DATABASE_UNAVAILABLE_DIGEST } from "./digest.ts";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  /** What the driver said, e.g. "ECONNREFUSED 127.0.0.1:5432" (never query values). */
  readonly reason: string;

  constructor(reason: string) {
    super(`database unavailable: ${reason}`);
    this.reason = reason;
    // Logged once by the health monitor; a stack per request would only repeat it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function isDatabaseUnavailableError(e: unknown): e is DatabaseUnavailableError {
  return (
    e instanceof DatabaseUnavailableError ||
    (typeof e === "object" && e !== null && (e as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST)
  );
}
