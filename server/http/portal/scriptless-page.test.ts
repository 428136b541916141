import { afterEach, describe, expect, it, vi } from "vitest";
import { FILL_HEADER, FILL_PEER_HEADER, isFillRequest } from "./page-cache.ts";
import { isScriptlessPage, scriptlessPage } from "./scriptless-page.ts";

const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/a.css"/><script src="/_next/static/c.js" async=""></script></head><body><form method="POST"><input type="hidden" name="formToken" value="t"/></form><script>self.__next_f.push([1,"x"])</script></body></html>`;

function answer(body: string | null, init: ResponseInit) {
  const seen: Headers[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, options: RequestInit) => {
      seen.push(new Headers(options.headers));
      return new Response(body, init);
    }),
  );
  return seen;
}

describe("the form pages without scripts", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are the report form, the tracking sign-in and the reporter's case page", () => {
    for (const path of ["/lapor", "/en/lapor", "/lacak", "/lacak/kasus", "/en/lacak/kasus"])
      expect(isScriptlessPage(path), path).toBe(true);
    for (const path of ["/", "/statistik", "/lapor/x", "/id/lapor", "/staff/masuk", "/api/portal/letter"])
      expect(isScriptlessPage(path), path).toBe(false);
  });

  it("answer the page as rendered, without its scripts, with a CSP that lets none run and its cookies", async () => {
    const headers = new Headers({ "content-type": "text/html; charset=utf-8", "content-security-policy": "nonce" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    headers.set("x-middleware-rewrite", "/id/lapor");
    answer(html, { status: 200, headers });
    const res = await scriptlessPage("http://127.0.0.1:3000/lapor", new Headers());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    // Next.js's own headers would be obeyed again by the proxy that hands this back.
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
    const body = await res.text();
    expect(body).not.toMatch(/<script/);
    expect(body).toContain('<input type="hidden" name="formToken" value="t"/>');
  });

  it("pass on the visitor's cookies, forwarding and peer, with this process's token, and nothing else", async () => {
    const seen = answer(html, { status: 200, headers: { "content-type": "text/html" } });
    const visitor = new Headers({
      cookie: "lentera_lacak=s",
      "x-forwarded-for": "198.51.100.7",
      "x-lentera-peer": "203.0.113.5",
      "x-middleware-subrequest": "proxy",
      [FILL_PEER_HEADER]: "forged",
      authorization: "Basic x",
    });
    await scriptlessPage("http://127.0.0.1:3000/lacak/kasus", visitor);
    const sent = seen[0]!;
    expect(sent.get("cookie")).toBe("lentera_lacak=s");
    expect(sent.get("x-forwarded-for")).toBe("198.51.100.7");
    expect(sent.get(FILL_PEER_HEADER)).toBe("203.0.113.5");
    expect(isFillRequest(sent.get(FILL_HEADER))).toBe(true);
    expect(sent.get("x-middleware-subrequest")).toBeNull();
    expect(sent.get("authorization")).toBeNull();
  });

  it("hand back a redirect or a file as it is", async () => {
    answer(null, { status: 307, headers: { location: "/lacak" } });
    const res = await scriptlessPage("http://127.0.0.1:3000/lacak/kasus", new Headers());
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/lacak");
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});
