/**
 * What a route handler (file downloads, open data, next-auth) answers while the database is
 * unavailable: 503 with Retry-After and a short page in both languages (a route may not know
 * the reader's language), with the site's security headers and nothing that loads or runs.
 */
import idMessages from "../../i18n/messages/id.json";
import enMessages from "../../i18n/messages/en.json";
import { SECURITY_HEADERS } from "../security/security-headers.ts";
import { RETRY_AFTER_SECONDS } from "./digest.ts";
import { isDatabaseUnavailable } from "./classify.ts";
import { unstable_rethrow } from "next/navigation";
import { failureResponse } from "../security/internal-errors.ts";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function unavailableResponse(): Response {
  const id = idMessages.outage;
  const en = enMessages.outage;
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escape(id.title)}</title></head><body><main><h1>${escape(id.title)}</h1><p>${escape(id.body)}</p><h2 lang="en">${escape(en.title)}</h2><p lang="en">${escape(en.body)}</p><p><a href="/">${escape(idMessages.errors.back)}</a> · <a href="/en" lang="en">${escape(enMessages.errors.back)}</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      ...SECURITY_HEADERS,
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

/**
 * A route handler that answers an outage with unavailableResponse() instead of a 500, and any
 * other failure through the one error mapping (server/security/internal-errors.ts): a
 * DomainError as its status and text, anything else as a generic 500, logged by kind.
 */
export function answeringOutage<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (isDatabaseUnavailable(e)) return unavailableResponse();
      // Next.js's own control flow (redirects, dynamic rendering) is not a failure.
      unstable_rethrow(e);
      return failureResponse(e, `route ${routeOf(args[0])}`);
    }
  };
}

/** The route's first path segments (never an id or a query, which may be personal). */
function routeOf(request: unknown): string {
  if (!(request instanceof Request)) return "(unknown)";
  return new URL(request.url).pathname.split("/").slice(0, 4).join("/");
}
