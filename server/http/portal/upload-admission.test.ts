/**
 * Posts with files are let in a few at a time, in arrival order; the others wait before their
 * body is read, and one that waits too long gets the busy page.
 */
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Socket } from "node:net";
import { describe, expect, it, vi } from "vitest";
import "../../net/peer-stamp.mjs";
import { createGate } from "../admission-gate.mjs";
import { carriesUpload, MAX_IN_WORK, UPLOAD_MIN_BYTES } from "./upload-admission.mjs";
import { installBusyPages } from "../busy-pages.ts";
import { listenDuringTests, withNarrowGate } from "../../testing/preload-gates.ts";

const KEY = Symbol.for("lentera.uploadAdmission");
const admission = (
  globalThis as unknown as Record<symbol, { gate: ReturnType<typeof createGate>; workDone: () => void }>
)[KEY]!;

describe("the gate", () => {
  it("admits up to its limit, then in arrival order as places are given back", () => {
    const gate = createGate({ limit: 2, maxWaitMs: 1_000 });
    const order: string[] = [];
    const releases: Record<string, () => void> = {};
    for (const name of ["a", "b", "c", "d"])
      gate.enter(
        (release) => {
          order.push(name);
          releases[name] = release;
        },
        () => order.push(`refused ${name}`),
      );
    expect(order).toEqual(["a", "b"]);
    expect([gate.inWork, gate.waiting]).toEqual([2, 2]);
    releases.b!();
    releases.b!(); // a second release gives nothing back twice
    expect(order).toEqual(["a", "b", "c"]);
    expect([gate.inWork, gate.waiting]).toEqual([2, 1]);
    releases.a!();
    expect(order).toEqual(["a", "b", "c", "d"]);
  });

  it("refuses a waiter after the time limit, and forgets one whose sender left", () => {
    vi.useFakeTimers();
    try {
      const gate = createGate({ limit: 1, maxWaitMs: 1_000 });
      const events: string[] = [];
      gate.enter(
        () => events.push("a"),
        () => events.push("refused a"),
      );
      const leaveB = gate.enter(
        () => events.push("b"),
        () => events.push("refused b"),
      );
      gate.enter(
        () => events.push("c"),
        () => events.push("refused c"),
      );
      leaveB();
      expect(gate.waiting).toBe(1);
      vi.advanceTimersByTime(1_000);
      expect(events).toEqual(["a", "refused c"]);
      expect(gate.waiting).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("which posts wait", () => {
  const multipart = { "content-type": "multipart/form-data; boundary=x" };
  it("multipart posts larger than a form's text, or of unknown length", () => {
    expect(carriesUpload("POST", { ...multipart, "content-length": String(UPLOAD_MIN_BYTES) })).toBe(true);
    expect(carriesUpload("POST", { ...multipart, "transfer-encoding": "chunked" })).toBe(true);
    expect(carriesUpload("POST", { ...multipart, "content-length": "2000" })).toBe(false);
    expect(carriesUpload("POST", { "content-type": "application/json", "content-length": "900000" })).toBe(false);
    expect(carriesUpload("GET", { ...multipart, "content-length": "900000" })).toBe(false);
  });
});

describe("behind the preload", () => {
  const held: { url: string; finish: () => void; done: () => void }[] = [];
  const sockets: Socket[] = [];
  const kept: Promise<unknown>[] = [];
  const requests: WeakRef<http.IncomingMessage>[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === "/lapor?n=lasting") {
      // Work begun during the request that outlives it (as a keep-alive socket's timer does).
      kept.push(new Promise(() => {}));
      requests.push(new WeakRef(req));
    }
    // Stands for Next.js: reads the whole body, then waits until the test lets it answer, or
    // says its action is done (from within the request, as the action does).
    const chunks: Buffer[] = [];
    const done = AsyncLocalStorage.bind(() => admission.workDone());
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () =>
      held.push({
        url: req.url!,
        finish: () => res.end(`done ${req.url}`),
        done,
      }),
    );
  });
  server.on("connection", (socket) => sockets.push(socket));
  const at = listenDuringTests(server);

  const post = (path: string, bytes: number, signal?: AbortSignal) =>
    fetch(`${at.base}${path}`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: new Uint8Array(bytes),
      signal,
    });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  const withGate = (options: { limit: number; maxWaitMs: number }, check: () => Promise<void>) =>
    withNarrowGate(admission, options, check);

  it(`lets ${MAX_IN_WORK} posts with files in, holds the rest unread, then lets them in by arrival`, async () => {
    const answers = [];
    for (let i = 0; i < MAX_IN_WORK + 2; i++) {
      answers.push(post(`/lapor?n=${i}`, i < MAX_IN_WORK ? 200_000 : 4_000_000));
      await until(() => held.length === Math.min(i + 1, MAX_IN_WORK));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(held.map((h) => h.url)).toEqual([...Array(MAX_IN_WORK).keys()].map((i) => `/lapor?n=${i}`));
    // The waiting posts' 4 MB bodies are not read: their sockets stopped a little way in.
    const waiting = sockets.filter((s) => s.bytesRead > 0).sort((a, b) => b.bytesRead - a.bytesRead);
    expect(waiting[0]!.bytesRead).toBeLessThan(1_000_000);

    // A small post and a GET pass while the gate is full.
    const small = post("/lacak", 2_000);
    await until(() => held.length === MAX_IN_WORK + 1);
    expect(held.at(-1)!.url).toBe("/lacak");
    held.pop()!.finish();
    expect(await (await small).text()).toBe("done /lacak");

    held.shift()!.finish();
    await until(() => held.length === MAX_IN_WORK);
    expect(held.at(-1)!.url).toBe(`/lapor?n=${MAX_IN_WORK}`);
    held.shift()!.finish();
    await until(() => held.length === MAX_IN_WORK);
    expect(held.at(-1)!.url).toBe(`/lapor?n=${MAX_IN_WORK + 1}`);
    while (held.length) held.shift()!.finish();
    const texts = await Promise.all(answers.map(async (a) => (await a).text()));
    expect(texts).toEqual(answers.map((_, i) => `done /lapor?n=${i}`));
  });

  it("answers a post that waited too long 503 with Retry-After and the page in both languages", async () => {
    installBusyPages();
    await withGate({ limit: 1, maxWaitMs: 100 }, async () => {
      const first = post("/lapor", 100_000);
      await until(() => held.length === 1);
      const res = await post("/lapor", 2_000_000);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      const page = await res.text();
      expect(page).toContain("Server sedang menerima banyak laporan");
      expect(page).toContain("The server is receiving many reports");
      held.shift()!.finish();
      expect((await first).status).toBe(200);
    });
  });
  it("gives a post's place to the next when its action is done, and holds it while an abandoned post is still worked on", async () => {
    await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
      const abandoned = new AbortController();
      post("/lapor?n=abandoned", 100_000, abandoned.signal).catch(() => {});
      await until(() => held.length === 1);
      const next = post("/lapor?n=next", 100_000);
      abandoned.abort();
      await new Promise((r) => setTimeout(r, 200));
      // The sender left, but the server still works on its post: the next one waits.
      expect(held.map((h) => h.url)).toEqual(["/lapor?n=abandoned"]);
      held.shift()!.done();
      await until(() => held.length === 1);
      expect(held[0]!.url).toBe("/lapor?n=next");
      held.shift()!.finish();
      expect((await next).status).toBe(200);
    });
  });
  it("gives the place back at once when the sender leaves before the whole body arrived", async () => {
    await withGate({ limit: 1, maxWaitMs: 10_000 }, async () => {
      const partial = http.request(`${at.base}/lapor?n=partial`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "1000000" },
      });
      partial.on("error", () => {});
      partial.write(new Uint8Array(100_000));
      await until(() => admission.gate.inWork === 1);
      const next = post("/lapor?n=after-partial", 100_000);
      partial.destroy();
      await until(() => held.length === 1);
      expect(held[0]!.url).toBe("/lapor?n=after-partial");
      held.shift()!.finish();
      expect((await next).status).toBe(200);
    });
  });
  it("lets go of a request and its body once answered, though work begun in it lives on", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const r = http.request(`${at.base}/lapor?n=lasting`, {
        method: "POST",
        agent: false,
        headers: { "content-type": "multipart/form-data; boundary=x", connection: "close" },
      });
      r.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      r.on("error", reject);
      r.end(new Uint8Array(500_000));
      void until(() => held.length === 1).then(() => held.shift()!.finish());
    });
    expect(status).toBe(200);
    expect(kept).toHaveLength(1);
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      gc();
    }
    expect(requests[0]!.deref()).toBeUndefined();
  });
});
