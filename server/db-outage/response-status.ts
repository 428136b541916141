/**
 * Sets the status of the HTTP response being produced for the current request, from anywhere
 * in server code (a page, an action, a route), through the hook server/net/response-override.mjs
 * installs before Next.js starts: Next.js offers pages and server actions no way to answer 503.
 * Outside a request (jobs, tests) or without the hook it does nothing.
 */
import { RETRY_AFTER_SECONDS } from "./digest.ts";

type Override = { set(status: number, headers: Record<string, string>): boolean };

const hook = () =>
  (globalThis as unknown as Record<symbol, Override | undefined>)[Symbol.for("lentera.responseOverride")];

/** 503 with Retry-After for this request's response, unless it is a redirect or a client error. */
export function markResponseUnavailable(): boolean {
  return hook()?.set(503, { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" }) ?? false;
}
