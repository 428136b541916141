/**
 * Next.js logs every error a page, action or route throws, with its stack. During an outage
 * that is one stack per request for one cause the health monitor already logged once, and a
 * visitor who closes the tab mid-request is not a server fault: both are left out. Everything
 * else is logged as before.
 */
import { isDatabaseUnavailable } from "./classify.ts";

const MARK = Symbol.for("lentera.quietLog");

/** A client that went away: Node's "aborted" request error, or an aborted fetch/stream. */
export function isClientAbort(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
  return (code === "ECONNRESET" && message === "aborted") || name === "AbortError" || name === "ResponseAborted";
}

const unwanted = (args: unknown[]) => args.some((a) => isDatabaseUnavailable(a) || isClientAbort(a));

export function installQuietErrorLog(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[MARK]) return;
  g[MARK] = true;
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (!unwanted(args)) error(...args);
  };
}
