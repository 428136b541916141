import "server-only";
import { cookies, headers } from "next/headers";
import { routing, type Locale } from "@/i18n/routing.ts";
import { ClientFailureWindow } from "../../domain/reporter/tracking-limiter.ts";
import { env } from "../../env.ts";
import { formPostAllowed } from "../../security/form-post.ts";
import { formTokenKey, type FormName } from "../../security/form-token.ts";
import { FORM_TOKEN_FIELD } from "../../security/form-token-field.ts";
import { clientAddressOf } from "../../net/request-address.ts";
import { isTemplateRender, placeholder } from "./form-page-template.ts";
import { formTokenOf, freshIdempotencyKey } from "./view-values.ts";

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
 * `Origin: null` (what a no-referrer page's own plain form posts carry) and Next.js lets posts
 * without Origin through: browsers say where a request came from in Sec-Fetch-Site, which pages
 * cannot forge; a post with neither must carry the token its rendered form was given.
 */
export async function assertSameSitePost(fd: FormData, form: FormName): Promise<void> {
  const post = { headers: await headers(), form, token: fd.get(FORM_TOKEN_FIELD), client: await clientAddress() };
  if (!formPostAllowed(post, formTokenKey(env().secrets.sessionSecret), new Date()))
    throw new CrossSiteRequestError(`${form} post refused`);
}

/**
 * The token a rendered form carries in its FORM_TOKEN_FIELD (rendering it makes the page
 * dynamic); a placeholder when the page is rendered as a template (form-page-template.ts).
 */
export async function formTokenFor(form: FormName): Promise<string> {
  const h = await headers();
  return isTemplateRender(h) ? placeholder(form) : formTokenOf(form, h, new Date());
}

/** A fresh idempotency key for this view of a form; a placeholder when the page is rendered as a template. */
export async function idempotencyKeyForView(): Promise<string> {
  return isTemplateRender(await headers()) ? placeholder("key") : freshIdempotencyKey();
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
  (await cookies()).set(REPORTER_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: await servedOverHttps(),
    path: "/",
  });
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
