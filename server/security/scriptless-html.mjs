/**
 * What makes a page scriptless, in plain JavaScript so that the preload that answers the form
 * pages (server/http/portal/scriptless-answer.mjs, loaded before any compiler) and the bundled
 * code (the page cache, the proxy) share one definition.
 */

/**
 * The page without JavaScript: every <script> element and every preload of a script go. The
 * markup itself is what the no-JavaScript visitor already gets.
 * @param {string} html
 * @returns {string}
 */
export function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*\brel="(?:modulepreload|preload)"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi, "");
}

/**
 * The CSP of a page that carries no script at all: none may run, so no nonce is needed, and an
 * injected script could not run either.
 */
export const SCRIPTLESS_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
