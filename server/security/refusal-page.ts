/**
 * The page the proxy answers with when a request is refused before any route sees it (an
 * unreadable address, a body over the size limit), and the preloads when a request waited too
 * long for its turn (server/http/request-admission.mjs, and for a post with files
 * server/http/portal/upload-admission.mjs): both languages, as
 * the locale may not be known, no internal detail, no script, never cached, with the site's
 * security headers.
 */
import { messagesFor } from "../../i18n/messages.ts";

const idMessages = messagesFor("id");
const enMessages = messagesFor("en");
import { SECURITY_HEADERS } from "./security-headers.ts";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export type RefusalReason = "badRequest" | "tooLarge" | "busy" | "overloaded";

export const REFUSAL_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  // Nothing on this page may load or run anything.
  "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function refusalPage(
  status: 400 | 413,
  reason: RefusalReason,
  values: Record<string, string | number> = {},
): Response {
  return new Response(refusalHtml(reason, values), { status, headers: REFUSAL_HEADERS });
}

export function refusalHtml(reason: RefusalReason, values: Record<string, string | number> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
  const id = fill(idMessages.errors[reason]);
  const en = fill(enMessages.errors[reason]);
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escape(id)}</title></head><body><main><h1>${escape(id)}</h1><p lang="en">${escape(en)}</p><p><a href="/">${escape(idMessages.errors.back)}</a> · <a href="/en" lang="en">${escape(enMessages.errors.back)}</a></p></main></body></html>`;
}
