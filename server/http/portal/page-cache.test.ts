import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { scriptlessPageCsp } from "../../security/csp.ts";
import {
  cachedPage,
  freshCopy,
  invalidatePublicPages,
  isFillRequest,
  PAGE_TTL_MS,
  MAX_PAGES,
  MAX_VERIFICATION_PAGES,
  publicPageKey,
  VERIFICATION_TTL_MS,
  withoutScripts,
} from "./page-cache.ts";

const page = (body: string) =>
  `<!DOCTYPE html><html lang="id"><head><link rel="stylesheet" href="/_next/static/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/b.js"/><script src="/_next/static/c.js" async=""></script></head><body>${body}<script>self.__next_f.push([1,"x"])</script><script id="_R_">$RC("a","b")</script></body></html>`;

describe("the public page cache", () => {
  afterEach(() => invalidatePublicPages());

  it("caches only the pages that are the same for everyone, and a year of statistics", () => {
    expect(publicPageKey("/", "")).toBe("/");
    expect(publicPageKey("/en", "")).toBe("/en");
    expect(publicPageKey("/statistik", "")).toBe("/statistik");
    expect(publicPageKey("/en/statistik", "?tahun=2025")).toBe("/en/statistik?tahun=2025");
    expect(publicPageKey("/verifikasi/7KQ2-M9XD-4RTA", "")).toBe("/verifikasi/7KQ2-M9XD-4RTA");
    expect(publicPageKey("/en/verifikasi/7KQ2-M9XD-4RTA", "")).toBe("/en/verifikasi/7KQ2-M9XD-4RTA");
    for (const [path, search] of [
      ["/lapor", ""],
      ["/lacak/kasus", ""],
      ["/staff", ""],
      ["/", "?x=1"],
      ["/statistik", "?tahun=2025&x=1"],
      ["/statistik", "?tahun=abcd"],
      ["/statistik", "?tahun=0001"],
      ["/statistik", "?tahun=9999"],
      ["/en/", ""],
      ["/id", ""],
      ["/verifikasi/ABCD", ""],
      // Only the canonical spelling of a code: the others are rendered per request.
      ["/verifikasi/7kq2-m9xd-4rta", ""],
      ["/verifikasi/7KQ2M9XD4RTA", ""],
      ["/verifikasi/7KQ2-M9XD-4RTU", ""],
      ["/verifikasi/7KQ2-M9XD-4RTA", "?x=1"],
      ["/verifikasi/7KQ2-M9XD-4RTA/x", ""],
      ["/id/verifikasi/7KQ2-M9XD-4RTA", ""],
    ] as const) {
      expect(publicPageKey(path, search), path + search).toBeNull();
    }
  });

  it("keeps the markup and styles but no script and no script preload", () => {
    const html = withoutScripts(page("<main><h1>Lentera</h1></main>"));
    expect(html).toContain("<main><h1>Lentera</h1></main>");
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/a.css"/>');
    expect(html).not.toMatch(/<script|as="script"/i);
  });

  it("renders once for concurrent visitors and serves the copy until it expires", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      return page(`<p>${renders}</p>`);
    };
    const [a, b] = await Promise.all([cachedPage("/", render), cachedPage("/", render)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    expect(await cachedPage("/", render)).toContain("<p>1</p>");
    expect(await cachedPage("/", render, Date.now() + PAGE_TTL_MS + 1)).toContain("<p>2</p>");
  });

  it("keeps at most MAX_PAGES pages, so no stream of requests can grow the memory", async () => {
    invalidatePublicPages();
    let renders = 0;
    const render = async () => {
      renders += 1;
      return page(`<p>${renders}</p>`);
    };
    for (let i = 0; i < MAX_PAGES + 10; i++) await cachedPage(`/statistik?tahun=${2000 + i}`, render);
    expect(renders).toBe(MAX_PAGES + 10);
    // The pages past the cap were served but not kept: asking again renders them again.
    await cachedPage(`/statistik?tahun=${2000 + MAX_PAGES + 5}`, render);
    expect(renders).toBe(MAX_PAGES + 11);
    // A kept page is still served from the cache.
    await cachedPage("/statistik?tahun=2000", render);
    expect(renders).toBe(MAX_PAGES + 11);
  });

  it("keeps a verification page briefly, so a letter that appears or goes shows so within seconds", async () => {
    let found = true;
    const render = async () => page(found ? "<p>found</p>" : "<p>unknown</p>");
    const key = "/verifikasi/7KQ2-M9XD-4RTA";
    expect(await cachedPage(key, render)).toContain("found");
    found = false;
    expect(await cachedPage(key, render, Date.now() + VERIFICATION_TTL_MS - 1_000)).toContain("found");
    expect(await cachedPage(key, render, Date.now() + VERIFICATION_TTL_MS + 1)).toContain("unknown");
  });

  it("keeps at most MAX_VERIFICATION_PAGES codes, the newest, and they never crowd out the other pages", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      return page(`<p>${renders}</p>`);
    };
    const code = (i: number) => `/verifikasi/0000-0000-${i.toString(32).toUpperCase().padStart(4, "0")}`;
    await cachedPage("/", render);
    for (let i = 0; i < MAX_VERIFICATION_PAGES + 10; i++) await cachedPage(code(i), render);
    expect(renders).toBe(MAX_VERIFICATION_PAGES + 11);
    // The newest codes are kept, the oldest were pushed out, the home page stayed.
    await cachedPage(code(MAX_VERIFICATION_PAGES + 9), render);
    await cachedPage("/", render);
    expect(renders).toBe(MAX_VERIFICATION_PAGES + 11);
    await cachedPage(code(0), render);
    expect(renders).toBe(MAX_VERIFICATION_PAGES + 12);
    // The home page and every statistics year still get their own room.
    for (let i = 0; i < MAX_PAGES - 1; i++) await cachedPage(`/statistik?tahun=${2000 + i}`, render);
    const before = renders;
    await cachedPage("/statistik?tahun=2000", render);
    expect(renders).toBe(before);
  });

  it("hands the socket-level answer a fresh copy only, found by the request line's URL", async () => {
    expect(freshCopy("/en/statistik?tahun=2025")).toBeNull();
    await cachedPage("/en/statistik?tahun=2025", async () => page("<p>2025</p>"));
    const copy = freshCopy("/en/statistik?tahun=2025");
    expect(copy?.body.toString()).toContain("<p>2025</p>");
    expect(gunzipSync(copy!.gzipped).equals(copy!.body)).toBe(true);
    expect(copy?.body.toString()).not.toMatch(/<script/);
    // Another spelling of the URL, an expired copy, or one from before a setting changed: through Next.js.
    expect(freshCopy("/en/statistik?tahun=2025&x=1")).toBeNull();
    expect(freshCopy("/en/statistik/?tahun=2025")).toBeNull();
    expect(freshCopy("/en/statistik?tahun=2025", Date.now() + PAGE_TTL_MS + 1)).toBeNull();
    invalidatePublicPages();
    expect(freshCopy("/en/statistik?tahun=2025")).toBeNull();
  });

  it("renders anew after a setting changed", async () => {
    let text = "old";
    const render = async () => page(`<p>${text}</p>`);
    expect(await cachedPage("/", render)).toContain("<p>old</p>");
    text = "new";
    expect(await cachedPage("/", render)).toContain("<p>old</p>");
    invalidatePublicPages();
    expect(await cachedPage("/", render)).toContain("<p>new</p>");
  });

  it("keeps nothing when the page cannot be cached now (an outage page) or the render fails", async () => {
    expect(await cachedPage("/", async () => null)).toBeNull();
    await expect(cachedPage("/", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cachedPage("/", async () => page("<p>back</p>"))).toContain("<p>back</p>");
  });

  it("serves an expired copy while the page cannot be rendered, but not one from before a setting changed", async () => {
    await cachedPage("/", async () => page("<p>before the outage</p>"));
    const later = Date.now() + PAGE_TTL_MS + 1;
    expect(await cachedPage("/", async () => null, later)).toContain("before the outage");
    expect(await cachedPage("/", () => Promise.reject(new Error("down")), later)).toContain("before the outage");
    invalidatePublicPages();
    expect(await cachedPage("/", async () => null, later)).toBeNull();
  });

  it("the fill token is this process's own, unguessable from outside", async () => {
    let token = "";
    await cachedPage("/en", async (t) => ((token = t), page("")));
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(isFillRequest(token)).toBe(true);
    expect(isFillRequest(null)).toBe(false);
    expect(isFillRequest("x")).toBe(false);
  });

  it("the cached pages' CSP lets no script run and needs no nonce", () => {
    const csp = scriptlessPageCsp();
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|nonce-/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
