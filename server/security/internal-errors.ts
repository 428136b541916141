/**
 * What a client may learn from a failure: the message of a deliberate refusal (a domain code or
 * an Indonesian sentence thrown on purpose), never the message of an unexpected error, which can
 * name tables, queries, file paths or data (Prisma's messages quote the failing call).
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

export const INTERNAL_ERROR_MESSAGE = "Terjadi kesalahan pada server. Silakan coba lagi.";
const UNREADABLE_MESSAGE = "Permintaan tidak dapat dibaca.";
/** A database outage (server/db-outage/): logged once by its monitor, not per call. */
export const UNAVAILABLE_MESSAGE = "Layanan sedang tidak tersedia. Tidak ada yang tersimpan; coba lagi dalam beberapa saat.";

/** The message a tRPC error may carry to the client. */
export function publicTrpcMessage(error: TRPCError): string {
  if (error.code === "PARSE_ERROR") return UNREADABLE_MESSAGE;
  if (error.code === "SERVICE_UNAVAILABLE") return UNAVAILABLE_MESSAGE;
  if (getHTTPStatusCodeFromError(error) >= 500) return INTERNAL_ERROR_MESSAGE;
  return error.message;
}

/** Logs the kind of an unexpected failure (never its message, which may hold data). */
export function reportTrpcError({ error, path }: { error: TRPCError; path?: string }): void {
  if (getHTTPStatusCodeFromError(error) < 500 || error.code === "SERVICE_UNAVAILABLE") return;
  console.error(`tRPC ${path ?? "(unknown)"} failed: ${error.cause?.name ?? error.name}`);
}
