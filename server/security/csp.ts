import { SCRIPTLESS_PAGE_CSP } from "./scriptless-html.mjs";

/**
 * The portal loads nothing from any other host: everything is 'self',
 * scripts additionally need this request's nonce.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // No style attributes at all (they fall under style-src, which a nonce cannot open to them):
    // injected markup cannot restyle the page, e.g. to hide a warning or overlay a fake form.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The pages served from the page cache, and the form pages, carry no script at all, so none may
 * run: no nonce is needed, and an injected script could not run either.
 */
export function scriptlessPageCsp(): string {
  return SCRIPTLESS_PAGE_CSP;
}
