/**
 * What a client may learn from a failure: the code and reason key of a DomainError (a refusal
 * made on purpose), never the message of anything else, which can name tables, queries, file
 * paths or data (Prisma's messages quote the failing call). The one mapping from a thrown
 * error to an answer: tRPC uses `domainErrorOf` (server/trpc/init.ts), route handlers and
 * server actions `publicFailure`.
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { translatorFor } from "../../i18n/messages.ts";
import type { Locale } from "../../i18n/routing.ts";
import { isDatabaseUnavailable } from "../db-outage/classify.ts";
import { DomainError, type DomainErrorCode, type ReasonKey } from "../domain/errors.ts";
import { BusyError, isBusyError } from "../domain/transaction.ts";

export const INTERNAL_ERROR_MESSAGE = "Terjadi kesalahan pada server. Silakan coba lagi.";
const UNREADABLE_MESSAGE = "Permintaan tidak dapat dibaca.";
/** A database outage (server/db-outage/): logged once by its monitor, not per call. */
export const UNAVAILABLE_MESSAGE =
  "Layanan sedang tidak tersedia. Tidak ada yang tersimpan; coba lagi dalam beberapa saat.";

/** The HTTP status of each code; tRPC's codes (server/trpc/domain-errors.ts) answer the same. */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  PRECONDITION: 412,
  CONTENT_DESTROYED: 412,
  BUSY: 429,
  UNAVAILABLE: 503,
};

/**
 * The failure as a DomainError, or null for an internal fault. A database outage and a
 * transaction that stayed busy are refusals too, whatever layer raised them (the driver's own
 * errors carry no DomainError). A TRPCError is judged by its cause.
 */
export function domainErrorOf(error: unknown): DomainError | null {
  const e = error instanceof TRPCError ? error.cause : error;
  if (e instanceof DomainError) return e;
  if (isDatabaseUnavailable(e)) return new DomainError("system.unavailable", "database unavailable", { cause: e });
  if (isBusyError(e)) return new BusyError({ cause: e });
  return null;
}

export interface PublicFailure {
  status: number;
  /** null: an internal fault (500). */
  code: DomainErrorCode | null;
  reason: ReasonKey | null;
}

/**
 * A failure of a route handler or a server action as the client may see it. An internal fault
 * is logged here, once, by its kind only (its message may hold data or secrets); `where` names
 * the work that failed.
 */
export function publicFailure(error: unknown, where: string): PublicFailure {
  const domain = domainErrorOf(error);
  if (domain) return { status: HTTP_STATUS[domain.code], code: domain.code, reason: domain.reason };
  console.error(`${where} failed: ${error instanceof Error ? error.name : typeof error}`);
  return { status: 500, code: null, reason: null };
}

/** The failure's text in the reader's language; never the error's own message. */
export function failureMessage(failure: PublicFailure, locale: Locale): string {
  const t = translatorFor(locale);
  return failure.code ? t(`errors.codes.${failure.code}`) : t("errors.server");
}

/** A route handler's failure as plain text in both languages (a route may not know the reader's), never cached. */
export function failureResponse(error: unknown, where: string): Response {
  const failure = publicFailure(error, where);
  const text = `${failureMessage(failure, "id")}\n${failureMessage(failure, "en")}\n`;
  return new Response(text, {
    status: failure.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The message a tRPC error may carry to the client (a DomainError's is its reason key). */
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
