import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing.ts";
import { contentSecurityPolicy } from "./server/security/csp.ts";
import {
  cachedPage,
  cachedPageHeaders,
  FILL_HEADER,
  isFillRequest,
  publicPageKey,
} from "./server/http/portal/page-cache.ts";
import { formPageFromTemplate } from "./server/http/portal/form-page-template.ts";
import { releaseBodyCopy } from "./server/http/proxy-body-copy.ts";
import { refusalPage } from "./server/security/refusal-page.ts";
import { bodyTooLarge, decodablePath, MAX_BODY_BYTES } from "./server/security/request-shape.ts";

const prefixed = new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`);
/** Routes that are not pages (API, open-data files, the site icon): neither rewritten to a locale nor given a page CSP. */
const notPage = /^\/(api\/|statistik\/data\.(csv|json)$|favicon\.ico$|icon\.svg$)/;

/**
 * Every page gets a fresh CSP nonce (Next.js reads it from the request's CSP header and puts it
 * on its own scripts) and a locale taken from the URL alone: "/en/…" is English, anything else
 * is Indonesian, served from app/[locale] by an internal rewrite. (next-intl's middleware is not
 * used: with Next 16.4 its default-locale rewrite re-enters the proxy and redirects to itself.)
 * Any other path, dotted ones too ("/.env"), is a page path: its 404 is the localized page with
 * the CSP. Unreadable addresses and oversized bodies are refused here with a clear page.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // First, so that a refused post's copy is not kept either.
  releaseBodyCopy(request);
  if (!decodablePath(pathname)) return refusalPage(400, "badRequest");
  if (bodyTooLarge(request.headers.get("content-length")))
    return refusalPage(413, "tooLarge", { mb: MAX_BODY_BYTES / 1024 / 1024 });
  if (notPage.test(pathname)) return NextResponse.next();

  const cached = await publicPage(request);
  if (cached) return cached;
  const formPage = await fromTemplate(request);
  if (formPage) return formPage;

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // NODE_ENV is inlined by Next.js at build time; dev mode needs eval for React's tooling.
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const locale = pathname.match(prefixed)?.[1] ?? routing.defaultLocale;

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-lentera-path", pathname);
  headers.set("x-next-intl-locale", locale);

  const response = prefixed.test(pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(
        new URL(`/${routing.defaultLocale}${pathname === "/" ? "" : pathname}${search}`, request.url),
        { request: { headers } },
      );
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * A page that is the same for every visitor, from the page cache (server/http/portal/page-cache.ts),
 * or null to render this request as usual. The page is rendered for the cache by a request to
 * this same server, without the visitor's cookies, so nothing of one visitor reaches another.
 * Development renders every request (the code changes under it).
 */
async function publicPage(request: NextRequest): Promise<Response | null> {
  if (
    process.env.NODE_ENV !== "production" ||
    request.method !== "GET" ||
    isFillRequest(request.headers.get(FILL_HEADER))
  )
    return null;
  const key = publicPageKey(request.nextUrl.pathname, request.nextUrl.search);
  if (!key) return null;
  const html = await cachedPage(key, async (token) => {
    const res = await fetch(new URL(key, request.url), {
      headers: { [FILL_HEADER]: token, accept: "text/html" },
      redirect: "manual",
      cache: "no-store",
    });
    const body = await res.text();
    // Only a real page is kept: an outage answers 503 and is rendered per request as before.
    return res.status === 200 && res.headers.get("content-type")?.startsWith("text/html") ? body : null;
  }).catch(() => null);
  if (html === null) return null;
  return new Response(html, { status: 200, headers: cachedPageHeaders() });
}

/**
 * The report form or the tracking sign-in from its template when the page is the same for this
 * visitor (server/http/portal/form-page-template.ts); or null to render this request as usual.
 * A form page rendered as usual loses its scripts on the way out, before Next.js sees the answer
 * (server/http/portal/scriptless-answer.mjs). Posts are rendered as usual too: their answers
 * still carry the scripts (the proxy does not read post bodies of up to 60 MB).
 */
async function fromTemplate(request: NextRequest): Promise<Response | null> {
  if (
    process.env.NODE_ENV !== "production" ||
    request.method !== "GET" ||
    isFillRequest(request.headers.get(FILL_HEADER))
  )
    return null;
  return formPageFromTemplate(request.nextUrl, request.headers);
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/).*)"],
};
