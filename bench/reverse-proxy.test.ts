import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  endToEndHeaders,
  forwardedRequestHeaders,
  hopAddress,
  roundRobin,
  startReverseProxy,
} from "./reverse-proxy.ts";
import { resolveClientAddress, trustedProxies } from "../server/net/client-address.ts";

describe("forwardedRequestHeaders", () => {
  it("appends the client socket to X-Forwarded-For and drops hop-by-hop headers, Host kept", () => {
    const out = forwardedRequestHeaders(
      {
        host: "wbs.example.go.id",
        connection: "keep-alive, x-secret-hop",
        "keep-alive": "timeout=5",
        "x-secret-hop": "1",
        "transfer-encoding": "chunked",
        "x-forwarded-for": "10.9.9.9",
        cookie: "a=b",
      },
      "::ffff:203.0.113.7",
    );
    expect(out).toEqual({
      host: "wbs.example.go.id",
      cookie: "a=b",
      "x-forwarded-for": "10.9.9.9, 203.0.113.7",
      "x-forwarded-proto": "http",
      "x-forwarded-host": "wbs.example.go.id",
    });
  });

  it("is read by the app's rule as the proxy's client, whatever the client wrote into the header", () => {
    const trusted = trustedProxies(["127.0.0.1"]);
    const forged = forwardedRequestHeaders({ "x-forwarded-for": "1.2.3.4" }, "198.51.100.20");
    expect(resolveClientAddress("127.0.0.1", String(forged["x-forwarded-for"]), trusted)).toBe("198.51.100.20");
    const plain = forwardedRequestHeaders({}, "198.51.100.20");
    expect(plain["x-forwarded-for"]).toBe("198.51.100.20");
  });

  it("writes IPv4-mapped addresses as IPv4 and keeps IPv6", () => {
    expect(hopAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(hopAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(hopAddress(undefined)).toBe("unknown");
  });

  it("drops hop-by-hop answer headers too", () => {
    expect(endToEndHeaders({ "content-type": "text/html", connection: "close", "set-cookie": ["a=1", "b=2"] })).toEqual(
      { "content-type": "text/html", "set-cookie": ["a=1", "b=2"] },
    );
  });
});

describe("roundRobin", () => {
  it("hands out the items in turn", () => {
    const next = roundRobin(["a", "b", "c"]);
    expect(Array.from({ length: 7 }, next)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
    expect(() => roundRobin([])).toThrow();
  });
});

describe("startReverseProxy", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  /** An upstream that answers with its name, the body's length and SHA-free byte sum, and the headers it got. */
  async function upstream(name: string): Promise<number> {
    const server = http.createServer((req, res) => {
      let bytes = 0;
      let sum = 0;
      req.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (const b of chunk) sum = (sum + b) % 65521;
      });
      req.on("end", () => {
        res.writeHead(201, {
          "content-type": "application/json",
          "x-upstream": name,
          "set-cookie": ["s=1; Path=/", "t=2; Path=/"],
        });
        res.end(
          JSON.stringify({
            name,
            method: req.method,
            url: req.url,
            bytes,
            sum,
            xff: req.headers["x-forwarded-for"],
            host: req.headers.host,
            peer: req.socket.remoteAddress,
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => server.close(() => r())));
    return (server.address() as AddressInfo).port;
  }

  it("forwards round-robin, streams a 3 MB body whole both ways, keeps status and every Set-Cookie", async () => {
    const ports = [await upstream("one"), await upstream("two")];
    const proxy = await startReverseProxy(ports.map((port) => ({ host: "127.0.0.1", port })));
    closers.unshift(proxy.close);

    const body = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 7919) & 255;
    let sum = 0;
    for (const b of body) sum = (sum + b) % 65521;

    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/lapor?x=${i}`, {
        method: "POST",
        body,
        headers: { "X-Forwarded-For": "6.6.6.6" },
      });
      expect(res.status).toBe(201);
      expect(res.headers.getSetCookie()).toEqual(["s=1; Path=/", "t=2; Path=/"]);
      answers.push(
        (await res.json()) as {
          name: string;
          url: string;
          bytes: number;
          sum: number;
          xff: string;
          host: string;
          peer: string;
        },
      );
    }
    expect(answers.map((a) => a.name)).toEqual(["one", "two", "one", "two"]);
    expect(proxy.forwarded).toEqual([2, 2]);
    for (const [i, a] of answers.entries()) {
      expect(a).toMatchObject({
        url: `/lapor?x=${i}`,
        bytes: body.length,
        sum,
        xff: "6.6.6.6, 127.0.0.1",
        host: `127.0.0.1:${proxy.port}`,
      });
      // The instance's peer is the proxy; the hop the proxy appended is its own client's socket (loopback here too).
      expect(a.peer).toBe("127.0.0.1");
      expect(a.xff.split(", ").at(-1)).toBe("127.0.0.1");
    }
  });

  it("answers 502 when an upstream is down, and counts it", async () => {
    const closed = await upstream("gone");
    await closers.shift()!(); // nothing listens on that port now
    const proxy = await startReverseProxy([{ host: "127.0.0.1", port: closed }]);
    closers.push(proxy.close);
    const res = await fetch(`${proxy.url}/`);
    expect(res.status).toBe(502);
    expect(proxy.badGateway).toBe(1);
  });

  it("does not count a request its client abandoned as an upstream error", async () => {
    let arrived!: () => void;
    const waiting = new Promise<void>((r) => (arrived = r));
    const slow = http.createServer((_req, res) => {
      arrived();
      setTimeout(() => res.end("late"), 500);
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    closers.push(() => new Promise((r) => slow.close(() => r())));
    const proxy = await startReverseProxy([{ host: "127.0.0.1", port: (slow.address() as AddressInfo).port }]);
    closers.unshift(proxy.close);
    const client = new AbortController();
    const answer = fetch(`${proxy.url}/`, { signal: client.signal }).catch(() => "aborted");
    await waiting;
    client.abort();
    expect(await answer).toBe("aborted");
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.upstreamErrors).toEqual({});
    expect(proxy.badGateway).toBe(0);
  });
});
