import "server-only";
import { cookies, headers } from "next/headers";
import { routing, type Locale } from "@/i18n/routing.ts";
import { ClientFailureWindow } from "../domain/reporter/tracking-limiter.ts";
import { clientAddressOf } from "../net/request-address.ts";

export const REPORTER_COOKIE = "lentera_lacak";

/** The client's address for the tracking brake only (never stored or logged): see server/net/request-address.ts. */
export async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

export class CrossSiteRequestError extends Error {
  override name = "CrossSiteRequestError";
}

/**
 * Refuses a form post made from another site. Needed because next.config.mjs accepts
 * `Origin: null` (what a no-referrer page's own plain form posts carry); browsers still say
 * where a request came from in Sec-Fetch-Site, which pages cannot forge.
 */
export async function assertSameSitePost(): Promise<void> {
  const site = (await headers()).get("sec-fetch-site");
  if (site !== null && site !== "same-origin") throw new CrossSiteRequestError(`form post from ${site} refused`);
}

/** Secure cookies whenever the page was served over HTTPS (directly or via the proxy). */
export async function servedOverHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export async function reporterToken(): Promise<string | undefined> {
  return (await cookies()).get(REPORTER_COOKIE)?.value;
}

export async function setReporterCookie(token: string): Promise<void> {
  // A session cookie (no Max-Age): it dies with the browser; the server ends it after 15 idle minutes.
  (await cookies()).set(REPORTER_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: await servedOverHttps(), path: "/" });
}

export async function clearReporterCookie(): Promise<void> {
  (await cookies()).delete({ name: REPORTER_COOKIE, path: "/" });
}

/** A locale posted by a form, falling back to the default. */
export function postedLocale(value: FormDataEntryValue | null): Locale {
  return routing.locales.find((l) => l === value) ?? routing.defaultLocale;
}

const g = globalThis as unknown as { lenteraTrackingLimiter?: ClientFailureWindow };
/** One brake per server process (per-client counts live in memory by design). */
export function trackingLimiter(): ClientFailureWindow {
  return (g.lenteraTrackingLimiter ??= new ClientFailureWindow());
}
