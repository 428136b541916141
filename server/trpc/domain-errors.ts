/**
 * The one mapping of a failed procedure to what its tRPC client gets: a DomainError becomes
 * its code's TRPCError with the reason key as message (the formatter also puts it in
 * `data.reason`); a database outage the typed 503; anything else a generic internal error,
 * whatever its own message said.
 */
import { TRPCError } from "@trpc/server";
import { unavailableTrpcError } from "../db-outage/trpc-unavailable.ts";
import type { DomainErrorCode } from "../domain/errors.ts";
import { domainErrorOf, INTERNAL_ERROR_MESSAGE } from "../security/internal-errors.ts";

export const TRPC_CODE: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  INVALID_INPUT: "BAD_REQUEST",
  PRECONDITION: "PRECONDITION_FAILED",
  CONTENT_DESTROYED: "PRECONDITION_FAILED",
  BUSY: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export function trpcErrorOf(error: TRPCError): TRPCError {
  const unavailable = unavailableTrpcError(error);
  if (unavailable) return unavailable;
  // Refusals made as TRPCErrors on purpose (sign-in and role checks, zod's BAD_REQUEST) stay.
  if (error.code !== "INTERNAL_SERVER_ERROR") return error;
  const domain = domainErrorOf(error);
  if (domain) return new TRPCError({ code: TRPC_CODE[domain.code], message: domain.reason, cause: domain });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE, cause: error.cause ?? error });
}
