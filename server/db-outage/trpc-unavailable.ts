import { TRPCError } from "@trpc/server";
import { isDatabaseUnavailable } from "./classify.ts";
import { DATABASE_UNAVAILABLE_DIGEST } from "./digest.ts";
import { DatabaseUnavailableError } from "./unavailable-error.ts";

/**
 * tRPC's SERVICE_UNAVAILABLE (HTTP 503) for a database outage, or null for any other error. It
 * carries the outage digest, so a server component that lets it through shows the outage page.
 */
export function unavailableTrpcError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE") return error;
  const cause = error instanceof TRPCError ? error.cause : error;
  if (!isDatabaseUnavailable(cause)) return null;
  const typed = new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "database unavailable",
    cause: cause instanceof Error ? cause : new DatabaseUnavailableError("database unavailable"),
  });
  return Object.assign(typed, { digest: DATABASE_UNAVAILABLE_DIGEST });
}

/**
 * For `.catch()` on a call whose refusal means "not signed in": any failure but an outage gives
 * the fallback; an outage is thrown on, so it is never mistaken for a signed-out visitor.
 */
export function unlessUnavailable<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (unavailableTrpcError(error)) throw error;
    return fallback;
  };
}
