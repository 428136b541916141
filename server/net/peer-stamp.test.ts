/**
 * The preload loaded before Next.js (`npm start`): every request is stamped with its socket peer,
 * whatever it claims, and a fresh page-cache copy is answered before the application sees the request.
 */
import { describe, expect, it } from "vitest";
import "./peer-stamp.mjs";
import { appBehindPreload } from "../testing/app-behind-preload.ts";
import { cachedPage, FILL_HEADER, fillToken } from "../http/portal/page-cache.ts";

const app = appBehindPreload();
const seen = app.seen;

async function stampedPeer(headers: Record<string, string>): Promise<string | string[] | undefined> {
  seen.length = 0;
  await (await fetch(`${app.base}/lapor`, { headers })).text();
  return seen[0]?.["x-lentera-peer"];
}

describe("the peer stamp", () => {
  it("is the socket's address, whatever a client claims", async () => {
    expect(await stampedPeer({ "x-lentera-peer": "203.0.113.9" })).toBe("127.0.0.1");
    expect(await stampedPeer({ "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
  });

  it("is the socket's address on the proxy's own request too, which carries the process's token", async () => {
    expect(await stampedPeer({ "x-lentera-peer": "203.0.113.9", [FILL_HEADER]: fillToken() })).toBe("127.0.0.1");
  });
});

describe("a fresh copy in the page cache", () => {
  it("is answered without the application, gzipped when asked, with the cache's headers", async () => {
    await cachedPage("/en", async () => "<html><body>cached home<script>x()</script></body></html>");
    seen.length = 0;
    const res = await fetch(`${app.base}/en`);
    expect(await res.text()).toBe("<html><body>cached home</body></html>");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(seen).toHaveLength(0);
  });

  it("is not used for a post, a request with a body, or a page it does not hold", async () => {
    await cachedPage("/en", async () => "<html><body>cached home</body></html>");
    seen.length = 0;
    expect(await (await fetch(`${app.base}/en`, { method: "POST", body: "x" })).text()).toBe("from the application");
    expect(await (await fetch(`${app.base}/en?x=1`)).text()).toBe("from the application");
    expect(await (await fetch(`${app.base}/lapor`)).text()).toBe("from the application");
    expect(seen).toHaveLength(3);
  });
});
