/**
 * The preload that lets requests into work a few at a time, in front of a stand-in for
 * Next.js that holds every request until the test answers it.
 */
import http from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import "../net/peer-stamp.mjs";
import type { Gate } from "./admission-gate.mjs";
import { MAX_IN_WORK, MAX_WAIT_MS } from "./request-admission.mjs";
import { installBusyPages } from "./busy-pages.ts";
import { listenDuringTests, withNarrowGate } from "../testing/preload-gates.ts";

const admission = (globalThis as unknown as Record<symbol, { gate: Gate; maxHoldMs: number }>)[
  Symbol.for("lentera.requestAdmission")
]!;
const PAGE_CACHE = Symbol.for("lentera.publicPageCache");
const pageCache = globalThis as unknown as Record<symbol, { token?: string } | undefined>;

describe("requests in work", () => {
  const held: { url: string; finish: () => void }[] = [];
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url!);
    held.push({ url: req.url!, finish: () => res.end(`done ${req.url}`) });
  });
  const at = listenDuringTests(server);

  const get = (path: string, init: RequestInit = {}) => fetch(`${at.base}${path}`, init);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };
  const settle = () => new Promise((r) => setTimeout(r, 100));
  const withGate = (options: { limit: number; maxWaitMs: number }, check: () => Promise<void>) =>
    withNarrowGate(admission, options, check).finally(() => {
      while (held.length) held.shift()!.finish();
      seen.length = 0;
    });

  it(`lets ${MAX_IN_WORK} in, holds the rest unseen, then lets them in by arrival`, async () => {
    const answers = Array.from({ length: MAX_IN_WORK + 3 }, (_, i) => get(`/staff/dasbor?n=${i}`));
    await until(() => held.length === MAX_IN_WORK);
    await settle();
    expect(held).toHaveLength(MAX_IN_WORK);
    expect(admission.gate.waiting).toBe(3);
    for (let next = MAX_IN_WORK; next < MAX_IN_WORK + 3; next++) {
      held.shift()!.finish();
      await until(() => seen.includes(`/staff/dasbor?n=${next}`));
      expect(seen.at(-1)).toBe(`/staff/dasbor?n=${next}`);
    }
    while (held.length) held.shift()!.finish();
    const texts = await Promise.all(answers.map(async (a) => (await a).text()));
    expect(texts).toEqual(answers.map((_, i) => `done /staff/dasbor?n=${i}`));
    expect(admission.gate.inWork).toBe(0);
    seen.length = 0;
  });

  it("answers a request that waited too long 503 with Retry-After and the page in both languages", async () => {
    installBusyPages();
    await withGate({ limit: 1, maxWaitMs: 100 }, async () => {
      const first = get("/staff?n=first");
      await until(() => held.length === 1);
      const res = await get("/staff?n=late");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(MAX_WAIT_MS / 1000));
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      const page = await res.text();
      expect(page).toContain("Server sedang melayani banyak permintaan");
      expect(page).toContain("The server is handling many requests");
      expect(seen).not.toContain("/staff?n=late");
      held.shift()!.finish();
      expect((await first).status).toBe(200);
    });
  });

  it("forgets a waiting sender who leaves: the request never reaches the server", async () => {
    await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
      const first = get("/staff?n=first");
      await until(() => held.length === 1);
      const leaving = new AbortController();
      get("/staff?n=left", { signal: leaving.signal }).catch(() => {});
      await until(() => admission.gate.waiting === 1);
      leaving.abort();
      await until(() => admission.gate.waiting === 0);
      const after = get("/staff?n=after");
      held.shift()!.finish();
      await until(() => held.length === 1);
      expect(held[0]!.url).toBe("/staff?n=after");
      held.shift()!.finish();
      expect((await first).status).toBe(200);
      expect((await after).status).toBe(200);
      expect(seen).toEqual(["/staff?n=first", "/staff?n=after"]);
    });
  });

  it("runs a request that waited in its own context, not in that of the request that gave up its place", async () => {
    // Stands for Next.js's request scope: a store entered per request, active when it answers.
    const scope = new AsyncLocalStorage<string>();
    const scoped = http.createServer((req, res) => {
      const inherited = scope.getStore();
      scope.run(req.url!, () => setTimeout(() => res.end(inherited ?? "none"), 20));
    });
    await new Promise<void>((resolve) => scoped.listen(0, "127.0.0.1", resolve));
    const scopedBase = `http://127.0.0.1:${(scoped.address() as AddressInfo).port}`;
    try {
      await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
        const answers = await Promise.all(
          ["/a", "/b", "/c"].map(async (path) => (await fetch(scopedBase + path)).text()),
        );
        expect(answers).toEqual(["none", "none", "none"]);
      });
    } finally {
      scoped.closeAllConnections();
      await new Promise<void>((resolve) => scoped.close(() => resolve()));
    }
  });

  it("lets a request with a body pass at once: a slow sender must not hold a place", async () => {
    await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
      const first = get("/staff?n=first");
      await until(() => held.length === 1);
      const post = get("/api/trpc/cases.record", { method: "POST", body: "{}" });
      await until(() => held.length === 2);
      expect(held[1]!.url).toBe("/api/trpc/cases.record");
      expect(admission.gate.inWork).toBe(1);
      while (held.length) held.shift()!.finish();
      expect((await first).status).toBe(200);
      expect((await post).status).toBe(200);
    });
  });

  it("gives the place of a request still in work after the hold limit to the next", async () => {
    const hold = admission.maxHoldMs;
    admission.maxHoldMs = 200;
    try {
      await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
        const slow = get("/staff/unduh?n=slow");
        await until(() => held.length === 1);
        const next = get("/staff?n=next");
        await until(() => held.length === 2);
        expect(held.map((h) => h.url)).toEqual(["/staff/unduh?n=slow", "/staff?n=next"]);
        while (held.length) held.shift()!.finish();
        expect((await slow).status).toBe(200);
        expect((await next).status).toBe(200);
      });
    } finally {
      admission.maxHoldMs = hold;
    }
  });

  it("lets the proxy's own page request through while every place is held, and only with this process's token", async () => {
    const before = pageCache[PAGE_CACHE];
    pageCache[PAGE_CACHE] = { ...before, token: "own-token" };
    try {
      await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
        const visitor = get("/lacak/kasus?n=visitor");
        await until(() => held.length === 1);
        const own = get("/lacak/kasus?n=own", { headers: { "x-lentera-page-fill": "own-token" } });
        const forged = get("/lacak/kasus?n=forged", { headers: { "x-lentera-page-fill": "guessed" } });
        await until(() => held.length === 2);
        expect(held[1]!.url).toBe("/lacak/kasus?n=own");
        await settle();
        expect(seen).not.toContain("/lacak/kasus?n=forged");
        held.pop()!.finish();
        expect(await (await own).text()).toBe("done /lacak/kasus?n=own");
        held.shift()!.finish();
        await until(() => held.length === 1);
        expect(held[0]!.url).toBe("/lacak/kasus?n=forged");
        held.shift()!.finish();
        expect((await visitor).status).toBe(200);
        expect((await forged).status).toBe(200);
      });
    } finally {
      pageCache[PAGE_CACHE] = before;
    }
  });
});
