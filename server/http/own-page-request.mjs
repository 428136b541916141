/**
 * The proxy's own request to this process for a page (a page-cache or form-template fill): it
 * carries the process's fill token (server/http/portal/page-cache.ts), which never leaves the
 * process, so a client cannot pass for it. Shared by the preloads that treat it apart.
 */
const PAGE_CACHE = Symbol.for("lentera.publicPageCache");
const FILL_HEADER = "x-lentera-page-fill";

export function isOwnPageRequest(request) {
  const token = globalThis[PAGE_CACHE]?.token;
  return token !== undefined && request.headers[FILL_HEADER] === token;
}
