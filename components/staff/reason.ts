import type { ReasonKey } from "@/server/domain/errors.ts";

/**
 * The reason key of a refused tRPC call (server/domain/errors.ts, sent in `data.reason`), or
 * null for anything else; the UI picks its own translated text by it, never by a message.
 */
export function reasonOf(error: unknown): ReasonKey | null {
  const reason = (error as { data?: { reason?: unknown } | null } | null | undefined)?.data?.reason;
  return typeof reason === "string" ? (reason as ReasonKey) : null;
}
