/**
 * The preload's answer to a form page: the render's answer held, every script removed, the
 * scriptless CSP, the visitor's cookies, gzip when asked, and only the headers the pages read
 * passed to the render. A plain HTTP server stands for Next.js; it answers the way Next.js does
 * (head set by setHeader or writeHead, body in several writes, sometimes through a wrapper that
 * writes the head implicitly).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerWithoutScripts, isScriptlessPage, takesScriptlessAnswer } from "./scriptless-answer.mjs";
import { cachedPage, FILL_HEADER, fillToken } from "./page-cache.ts";

const page = [
  '<!DOCTYPE html><html lang="id"><head><link rel="stylesheet" href="/_next/static/a.css" nonce="n"/>',
  '<link rel="preload" as="script" href="/_next/static/b.js"/><script src="/_next/static/c.js" async=""></script></head>',
  '<body><main><h1>Kasus WBS-2026-0001</h1><form method="POST"><input type="hidden" name="formToken" value="t"/></form></main>',
  `<p>${"Laporan ".repeat(200)}</p>`,
  '<script>self.__next_f.push([1,"x"])</script></body></html>',
];
const stripped =
  '<!DOCTYPE html><html lang="id"><head><link rel="stylesheet" href="/_next/static/a.css" nonce="n"/></head>' +
  '<body><main><h1>Kasus WBS-2026-0001</h1><form method="POST"><input type="hidden" name="formToken" value="t"/></form></main>' +
  `<p>${"Laporan ".repeat(200)}</p></body></html>`;

type Render = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const seen: http.IncomingHttpHeaders[] = [];
let render: Render = () => {};

/** As Next.js answers a page: headers set one by one, the head flushed, the body streamed in pieces. */
const nextPage: Render = (_req, res) => {
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("Vary", "rsc, next-router-state-tree");
  res.setHeader("Content-Security-Policy", "script-src 'nonce-n'");
  res.setHeader("x-nextjs-cache", "MISS");
  res.setHeader("x-middleware-rewrite", "/id/lacak/kasus");
  res.setHeader("Set-Cookie", ["a=1; Path=/", "b=2; Path=/"]);
  res.flushHeaders();
  for (const piece of page.slice(0, -1)) res.write(piece);
  res.end(page.at(-1));
};

const server = http.createServer((req, res) => {
  answerWithoutScripts(req, res);
  seen.push({ ...req.headers });
  render(req, res);
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A GET as a browser sends it, answered by `how`. */
async function visit(how: Render, headers: Record<string, string> = {}) {
  render = how;
  seen.length = 0;
  return fetch(`${base}/lacak/kasus`, { headers, redirect: "manual" });
}

describe("the form pages' answer without scripts", () => {
  it("is for the report form, the tracking sign-in and the reporter's case page, each locale", () => {
    for (const path of ["/lapor", "/en/lapor", "/lacak", "/lacak/kasus", "/en/lacak/kasus"])
      expect(isScriptlessPage(path), path).toBe(true);
    for (const path of ["/", "/statistik", "/lapor/x", "/id/lapor", "/staff/masuk", "/api/portal/letter"])
      expect(isScriptlessPage(path), path).toBe(false);
  });

  it("takes a visitor's GET of those pages in production only, never a post, a body or the proxy's own request", async () => {
    await cachedPage("/", async () => "<html></html>"); // the page cache's token exists once the proxy ran
    const request = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) =>
      ({ method, url, headers }) as http.IncomingMessage;
    expect(takesScriptlessAnswer(request("GET", "/lacak/kasus"), true)).toBe(true);
    expect(takesScriptlessAnswer(request("GET", "/en/lapor?x=1"), true)).toBe(true);
    expect(takesScriptlessAnswer(request("GET", "/lacak/kasus"), false)).toBe(false);
    expect(takesScriptlessAnswer(request("HEAD", "/lacak/kasus"), true)).toBe(false);
    expect(takesScriptlessAnswer(request("POST", "/lacak"), true)).toBe(false);
    expect(takesScriptlessAnswer(request("GET", "/lacak", { "content-length": "3" }), true)).toBe(false);
    expect(takesScriptlessAnswer(request("GET", "/statistik"), true)).toBe(false);
    expect(takesScriptlessAnswer(request("GET", "/lapor", { [FILL_HEADER]: fillToken() }), true)).toBe(false);
    expect(takesScriptlessAnswer(request("GET", "/lapor", { [FILL_HEADER]: "guessed" }), true)).toBe(true);
  });

  it("is the page as rendered without any script, with a CSP that lets none run, its cookies and the security headers", async () => {
    const res = await visit(nextPage, { "accept-encoding": "identity" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(stripped);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    expect(res.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(stripped)));
    // Next.js's own headers say nothing to a browser.
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
    expect(res.headers.get("x-nextjs-cache")).toBeNull();
  });

  it("is gzipped when the visitor accepts it, and Next.js is not asked to compress", async () => {
    render = nextPage;
    seen.length = 0;
    // Node's own client: fetch would unzip the body itself.
    const { headers, body } = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) => {
      http.get(`${base}/lacak/kasus`, { headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
    });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString()).toBe(stripped);
    expect(seen[0]?.["accept-encoding"]).toBeUndefined();
  });

  it("passes only what the pages read to the render: cookies, forwarding, peer, accept, user agent", async () => {
    await visit(nextPage, {
      cookie: "lentera_lacak=s",
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-proto": "https",
      "user-agent": "Tor",
      "accept-language": "en",
      rsc: "1",
      "next-router-state-tree": "x",
      "x-middleware-subrequest": "proxy",
      authorization: "Basic x",
    });
    const sent = seen[0]!;
    expect(sent.cookie).toBe("lentera_lacak=s");
    expect(sent["x-forwarded-for"]).toBe("198.51.100.7");
    expect(sent["x-forwarded-proto"]).toBe("https");
    expect(sent["user-agent"]).toBe("Tor");
    for (const name of ["accept-language", "rsc", "next-router-state-tree", "x-middleware-subrequest", "authorization"])
      expect(sent[name], name).toBeUndefined();
  });

  it("keeps the head given to writeHead, and a head written implicitly by a wrapper above it (the outage answer)", async () => {
    const res = await visit((_req, res) => {
      res.writeHead(503, { "Content-Type": "text/html", "Retry-After": "30" });
      res.end("<html><body>tidak tersedia<script>x()</script></body></html>");
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.text()).toBe("<html><body>tidak tersedia</body></html>");

    const implicit = await visit((_req, res) => {
      const writeHead = res.writeHead;
      res.writeHead = function overridden(this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
        this.setHeader("Retry-After", "60");
        return writeHead.call(this, 503, ...(args.slice(1) as []));
      } as typeof writeHead;
      res.setHeader("Content-Type", "text/html");
      res.write("<html><body>");
      res.end("later</body></html>");
    });
    expect(implicit.status).toBe(503);
    expect(implicit.headers.get("retry-after")).toBe("60");
    expect(await implicit.text()).toBe("<html><body>later</body></html>");
  });

  it("hands a redirect or anything not HTML back as it is, without the page CSP", async () => {
    const res = await visit((_req, res) => {
      res.writeHead(307, [
        ["Location", "/lacak"],
        ["Set-Cookie", "lentera_lacak=; Max-Age=0"],
      ]);
      res.end();
    });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/lacak");
    expect(res.headers.getSetCookie()).toEqual(["lentera_lacak=; Max-Age=0"]);
    expect(res.headers.get("content-security-policy")).toBeNull();

    const file = await visit((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end('{"script":"<script>kept</script>"}');
    });
    expect(await file.text()).toBe('{"script":"<script>kept</script>"}');
  });
});
