/**
 * Loaded before Next.js (imported by server/net/peer-stamp.mjs): answers a GET of a page the
 * page cache holds a fresh copy of (server/http/portal/page-cache.ts) straight from that copy,
 * and a GET of a form page whose template is fresh (server/http/portal/form-page-template.ts)
 * from that template filled for this request, before Next.js routes the request and runs the
 * proxy. Those steps cost more than the page itself: with them a cached page cost twice the CPU
 * of Next.js serving a prerendered file. Anything else, and a copy that is absent or expired,
 * goes to Next.js as before (the proxy then renews it). The cache's and the templates' own
 * functions match the URL and fill the page, so their rules stay in one place.
 */
import http from "node:http";
import https from "node:https";
import { gzipSync } from "node:zlib";

const PAGE_CACHE = Symbol.for("lentera.publicPageCache");
const FORM_TEMPLATES = Symbol.for("lentera.formPageTemplates");
const MARK = Symbol.for("lentera.cachedPageAnswer");

/**
 * The page for this request as plain and gzip bodies, or null; a request with a body is never
 * answered here (the proxy refuses oversized ones). The peer stamp is already on the headers.
 */
function pageFor(request, gzip) {
  if (request.method !== "GET" || request.headers["content-length"] || request.headers["transfer-encoding"])
    return null;
  const url = request.url ?? "";
  const copy = globalThis[PAGE_CACHE]?.fresh?.(url);
  if (copy) return gzip ? copy.gzipped : copy.body;
  const answer = globalThis[FORM_TEMPLATES]?.answer;
  if (typeof answer !== "function") return null;
  let page = null;
  try {
    page = answer(url, request.headers);
  } catch {
    return null; // rendered per request by Next.js instead
  }
  if (page === null) return null;
  const body = Buffer.from(page);
  return gzip ? gzipSync(body) : body;
}

if (!globalThis[MARK]) {
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function answerFromPageCache(event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [request, response] = args;
      const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      const body = pageFor(request, gzip);
      if (!body) return emit.call(this, event, ...args);
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
