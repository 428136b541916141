/**
 * The portal's form pages (report form, tracking sign-in, the reporter's case page) work fully
 * without JavaScript: plain form posts answered by the server, native file input, the error
 * summary rendered by the server. Their scripts only hydrate what the server already rendered,
 * and React DOM with the Next.js runtime alone exceed the 100 KB first-load budget. So the proxy
 * answers a GET of these pages with the page as rendered, every script removed, and a CSP that
 * lets none run: every visitor gets what a visitor without JavaScript gets today.
 *
 * Unlike the page cache these pages differ per visitor (form token, reporter session), so each
 * request is rendered afresh, by a request to this same server carrying the visitor's cookies,
 * forwarding headers and peer address (their form token is bound to it).
 */
import { scriptlessPageCsp } from "../../security/csp.ts";
import { SECURITY_HEADERS } from "../../security/security-headers.ts";
import { FILL_HEADER, FILL_PEER_HEADER, fillToken, withoutScripts } from "./page-cache.ts";

const scriptless = /^(?:\/en)?\/(?:lapor|lacak|lacak\/kasus)$/;

/** Whether a page path is one of the form pages served without scripts. */
export function isScriptlessPage(pathname: string): boolean {
  return scriptless.test(pathname);
}

/** What of the visitor's request the pages read (session cookie, client address, HTTPS); nothing else is passed on. */
const PASSED_ON = ["cookie", "x-forwarded-for", "x-forwarded-proto", "accept", "user-agent"];
/**
 * What of the inner answer is handed back, besides its cookies and the security headers. Not
 * Next.js's own (x-middleware-rewrite and the like would be obeyed again by this proxy).
 */
const HANDED_BACK = ["content-type", "cache-control", "location", "retry-after", "vary"];

/** The visitor's peer address as server/net/peer-stamp.mjs wrote it (not importing request-address.ts keeps the proxy's bundle small). */
const PEER_HEADER = "x-lentera-peer";

/** The visitor's GET of a form page, rendered by this server for them and handed back without scripts. */
export async function scriptlessPage(url: string, visitor: Headers): Promise<Response> {
  const headers = new Headers({ [FILL_HEADER]: fillToken(), "accept-encoding": "identity" });
  for (const name of PASSED_ON) {
    const value = visitor.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set(FILL_PEER_HEADER, visitor.get(PEER_HEADER) ?? "");
  const res = await fetch(url, { headers, redirect: "manual", cache: "no-store" });
  const out = new Headers(SECURITY_HEADERS);
  for (const name of HANDED_BACK) {
    const value = res.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  for (const cookie of res.headers.getSetCookie()) out.append("set-cookie", cookie);
  if (!res.headers.get("content-type")?.startsWith("text/html"))
    return new Response(res.body, { status: res.status, headers: out });
  out.set("Content-Security-Policy", scriptlessPageCsp());
  return new Response(withoutScripts(await res.text()), { status: res.status, headers: out });
}
