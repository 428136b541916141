import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing.ts";
import { contentSecurityPolicy } from "./server/security/csp.ts";

const prefixed = new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`);

/**
 * Every page gets a fresh CSP nonce (Next.js reads it from the request's CSP header and puts it
 * on its own scripts) and a locale taken from the URL alone: "/en/…" is English, anything else
 * is Indonesian, served from app/[locale] by an internal rewrite. (next-intl's middleware is not
 * used: with Next 16.4 its default-locale rewrite re-enters the proxy and redirects to itself.)
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // NODE_ENV is inlined by Next.js at build time; dev mode needs eval for React's tooling.
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const { pathname, search } = request.nextUrl;
  const locale = pathname.match(prefixed)?.[1] ?? routing.defaultLocale;

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-lentera-path", pathname);
  headers.set("x-next-intl-locale", locale);

  const response = prefixed.test(pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL(`/${routing.defaultLocale}${pathname === "/" ? "" : pathname}${search}`, request.url), { request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes, Next's assets and files with an extension are left alone.
  matcher: ["/((?!api|_next|.*\\..*).*)"],
};
