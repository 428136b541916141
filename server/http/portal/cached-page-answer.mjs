/**
 * Loaded before Next.js (imported by server/net/peer-stamp.mjs): answers a GET of a page the
 * page cache holds a fresh copy of (server/http/portal/page-cache.ts) straight from that copy,
 * before Next.js routes the request and runs the proxy. Those steps cost more than the page
 * itself: with them a cached page cost twice the CPU of Next.js serving a prerendered file.
 * Anything else, and a copy that is absent or expired, goes to Next.js as before (the proxy then
 * renews it). The cache's own function matches the URL, so its rules stay in one place.
 */
import http from "node:http";
import https from "node:https";

const PAGE_CACHE = Symbol.for("lentera.publicPageCache");
const MARK = Symbol.for("lentera.cachedPageAnswer");

/** The fresh copy for this request, or null; a request with a body is never answered here (the proxy refuses oversized ones). */
function freshCopy(request) {
  if (request.method !== "GET" || request.headers["content-length"] || request.headers["transfer-encoding"])
    return null;
  const cache = globalThis[PAGE_CACHE];
  return typeof cache?.fresh === "function" ? cache.fresh(request.url ?? "") : null;
}

if (!globalThis[MARK]) {
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function answerFromPageCache(event, ...args) {
      const copy = event === "request" ? freshCopy(args[0]) : null;
      if (!copy) return emit.call(this, event, ...args);
      const [request, response] = args;
      const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      const body = gzip ? copy.gzipped : copy.body;
      response.writeHead(200, {
        ...globalThis[PAGE_CACHE].headers,
        Vary: "Accept-Encoding",
        "Content-Length": String(body.length),
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      });
      response.end(body);
      return true;
    };
  }
  globalThis[MARK] = true;
}
