/**
 * Loaded before Next.js (imported by server/net/peer-stamp.mjs): the portal's form pages (report
 * form, tracking sign-in, the reporter's case page; each locale) are answered without any
 * script, with a CSP that lets none run. They work fully as plain HTML (server-action forms,
 * native file input, errors rendered by the server); their scripts only hydrated that, and React
 * DOM with the Next.js runtime alone exceed the 100 KB first-load budget.
 *
 * Next.js cannot render a page without its scripts, so its answer to such a GET is held here,
 * every script removed, and written in one piece. (Before, the proxy asked this server for the
 * page again and stripped that answer: every view went through Next.js twice, routing, proxy
 * and web streams, about a third of the case page's CPU.) The render sees only the headers the
 * page reads (session cookie, client address, HTTPS), as that inner request did; the answer keeps
 * only the security headers, its cookies and the headers a browser needs.
 *
 * Only in production: development renders every page with its scripts. The proxy's own requests
 * for a page (carrying this process's fill token) are left alone; the report form and the
 * tracking sign-in without cookies are mostly answered from their templates before this
 * (cached-page-answer.mjs), and when the proxy answers one from its template, the answer is
 * already without scripts and only passes through here.
 */
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { SCRIPTLESS_PAGE_CSP, withoutScripts } from "../../security/scriptless-html.mjs";
import { isOwnPageRequest } from "../own-page-request.mjs";

const SECURITY_HEADERS = createRequire(import.meta.url)("../../security/security-headers.json");

const SCRIPTLESS_PAGE = /^(?:\/en)?\/(?:lapor|lacak|lacak\/kasus)$/;
const MARK = Symbol.for("lentera.scriptlessAnswer");

/** What of the visitor's request the pages read (session cookie, client address, HTTPS): nothing else reaches the render. */
const PASSED_ON = new Set([
  "host",
  "connection",
  "cookie",
  "x-forwarded-for",
  "x-forwarded-proto",
  "accept",
  "user-agent",
  "x-lentera-peer",
]);

/** What of the answer is handed back besides the security headers, the CSP and its cookies (not Next.js's own). */
const HANDED_BACK = ["content-type", "cache-control", "location", "retry-after", "vary"];
const KEPT = new Set([...Object.keys(SECURITY_HEADERS).map((n) => n.toLowerCase()), ...HANDED_BACK, "set-cookie"]);

/** Smaller pages are not worth compressing (the threshold Next.js's own compression uses). */
const GZIP_MIN_BYTES = 1024;

/** Whether a page path is one of the form pages served without scripts. */
export function isScriptlessPage(pathname) {
  return SCRIPTLESS_PAGE.test(pathname);
}

/** Whether this request is a visitor's GET of a form page (production only, not the proxy's own request). */
export function takesScriptlessAnswer(request, production = process.env.NODE_ENV === "production") {
  if (!production || request.method !== "GET") return false;
  if (request.headers["content-length"] || request.headers["transfer-encoding"]) return false;
  const url = request.url ?? "";
  const q = url.indexOf("?");
  if (!isScriptlessPage(q < 0 ? url : url.slice(0, q))) return false;
  return !isOwnPageRequest(request);
}

/**
 * Prepares the request for the render (only the headers the pages read; no compression by
 * Next.js, which would hide the markup from the script removal) and holds the response: its head
 * and body are written at its end, the body without scripts when it is HTML, gzipped here when
 * the visitor accepts it.
 */
export function answerWithoutScripts(request, response) {
  const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
  for (const name of Object.keys(request.headers)) if (!PASSED_ON.has(name)) delete request.headers[name];

  const chunks = [];
  const { writeHead, end } = response;
  let headGiven = false;
  const add = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  const done = (callback) => {
    if (typeof callback === "function") process.nextTick(callback);
  };

  response.writeHead = function heldHead(status, ...rest) {
    headGiven = true;
    this.statusCode = status;
    if (typeof rest[0] === "string") this.statusMessage = rest.shift();
    const given = rest[0];
    if (Array.isArray(given)) {
      // [name, value, name, value, …] (or [[name, value], …]): several set-cookie entries may repeat a name.
      const pairs = Array.isArray(given[0]) ? given : given.flatMap((v, i) => (i % 2 ? [] : [[v, given[i + 1]]]));
      const seen = new Set();
      for (const [name, value] of pairs) {
        const key = String(name).toLowerCase();
        const prior = seen.has(key) ? this.getHeader(key) : undefined;
        this.setHeader(key, prior === undefined ? value : [prior, value].flat());
        seen.add(key);
      }
    } else if (given && typeof given === "object")
      for (const [name, value] of Object.entries(given)) this.setHeader(name, value);
    return this;
  };
  response.flushHeaders = function heldFlush() {};
  response.write = function heldWrite(chunk, encoding, callback) {
    add(chunk, encoding);
    done(typeof encoding === "function" ? encoding : callback);
    return true;
  };
  response.end = function heldEnd(chunk, encoding, callback) {
    add(chunk, encoding);
    const cb = [chunk, encoding, callback].find((a) => typeof a === "function");
    // Through every wrapper above this one (the outage answer's status, Next.js's compression).
    if (!headGiven) this.writeHead(this.statusCode);
    let body = Buffer.concat(chunks);
    const html = /^text\/html\b/i.test(String(this.getHeader("content-type") ?? ""));
    for (const name of this.getHeaderNames()) if (!KEPT.has(name)) this.removeHeader(name);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) this.setHeader(name, value);
    if (html) {
      body = Buffer.from(withoutScripts(body.toString("utf8")));
      this.setHeader("Content-Security-Policy", SCRIPTLESS_PAGE_CSP);
      const vary = String(this.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary))
        this.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      if (gzip && body.length >= GZIP_MIN_BYTES) {
        body = gzipSync(body);
        this.setHeader("Content-Encoding", "gzip");
      }
    }
    this.setHeader("Content-Length", String(body.length));
    writeHead.call(this, this.statusCode);
    return end.call(this, body, cb);
  };
}

if (!globalThis[MARK]) {
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function scriptlessAnswer(event, ...args) {
      if (event === "request" && takesScriptlessAnswer(args[0])) answerWithoutScripts(args[0], args[1]);
      return emit.call(this, event, ...args);
    };
  }
  globalThis[MARK] = true;
}
