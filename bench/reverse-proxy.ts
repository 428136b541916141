/**
 * A small reverse proxy for the scale-out check (`npm run bench -- --postgres URL --instances 2`):
 * round-robin over the instances, bodies streamed both ways (a 1 MB upload is never held in
 * memory whole), and X-Forwarded-For appended the way server/net/request-address.ts trusts it:
 * the proxy is LENTERA_TRUSTED_PROXIES on the instances, and the right-most hop it adds is the
 * address of its own client socket. nginx does the same with
 * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection and are never forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

type Headers = http.IncomingHttpHeaders | http.OutgoingHttpHeaders;

/** The headers minus hop-by-hop ones, including any the Connection header names. */
export function endToEndHeaders(headers: Headers): http.OutgoingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || named.includes(lower)) continue;
    out[lower] = value;
  }
  return out;
}

/** The client socket's address as a header hop: IPv4-mapped IPv6 (::ffff:a.b.c.d) written as IPv4. */
export function hopAddress(remoteAddress: string | undefined): string {
  if (!remoteAddress) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remoteAddress);
  return mapped ? mapped[1]! : remoteAddress;
}

/**
 * What the proxy sends upstream: the client's end-to-end headers (Host kept: the instances
 * answer for the public address, NEXTAUTH_URL) with this hop's client appended to
 * X-Forwarded-For, after whatever the client wrote there (which the app ignores unless a
 * further trusted proxy appended it).
 */
export function forwardedRequestHeaders(
  headers: http.IncomingHttpHeaders,
  remoteAddress: string | undefined,
  proto: "http" | "https" = "http",
): http.OutgoingHttpHeaders {
  const out = endToEndHeaders(headers);
  const prior = [headers["x-forwarded-for"] ?? []].flat().join(", ").trim();
  out["x-forwarded-for"] = prior ? `${prior}, ${hopAddress(remoteAddress)}` : hopAddress(remoteAddress);
  out["x-forwarded-proto"] = proto;
  if (headers.host) out["x-forwarded-host"] = headers.host;
  return out;
}

export interface Upstream {
  host: string;
  port: number;
}

/** Hands out the upstreams in turn. */
export function roundRobin<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("round robin over no upstreams");
  let next = 0;
  return () => items[next++ % items.length]!;
}

export interface ReverseProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Requests handed to each upstream so far, in upstream order. */
  forwarded: number[];
  /** Requests answered 502 because an upstream failed before its answer began. */
  badGateway: number;
  /** Upstream request errors by code (502s and answers cut short), e.g. {"ECONNRESET (reused socket)": 2}. */
  upstreamErrors: Record<string, number>;
  close: () => Promise<void>;
}

export async function startReverseProxy(
  upstreams: readonly Upstream[],
  options: { host?: string; port?: number } = {},
): Promise<ReverseProxy> {
  const pick = roundRobin(upstreams.map((u, index) => ({ ...u, index })));
  // Keep-alive to the instances, as nginx's upstream keepalive: no TCP set-up per request.
  // With a `timeout`, Node's agent also drops an idle socket a second before the server's
  // Keep-Alive hint (5 s), instead of reusing one the server is closing (a spurious 502).
  // Busy sockets only get a 'timeout' event, which is ignored: long uploads are not cut.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 60_000, scheduling: "lifo" });
  const upstreamErrors: Record<string, number> = {};
  const forwarded = upstreams.map(() => 0);
  const state = { badGateway: 0 };

  const server = http.createServer((req, res) => {
    const upstream = pick();
    forwarded[upstream.index]!++;
    const outgoing = http.request({
      host: upstream.host,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: forwardedRequestHeaders(req.headers, req.socket.remoteAddress),
      agent,
    });
    outgoing.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    let abandoned = false;
    outgoing.on("error", (e: NodeJS.ErrnoException) => {
      // Our own destroy() below (the client left, e.g. autocannon ending its run): not the upstream's fault.
      if (abandoned) return;
      const code = `${e.code ?? e.message}${outgoing.reusedSocket ? " (reused socket)" : ""}`;
      upstreamErrors[code] = (upstreamErrors[code] ?? 0) + 1;
      if (res.headersSent) return void res.destroy();
      state.badGateway++;
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("bad gateway\n");
    });
    // The client went away: stop the upstream request too (an abandoned upload is not finished).
    res.on("close", () => {
      if (res.writableFinished) return;
      abandoned = true;
      outgoing.destroy();
    });
    req.pipe(outgoing);
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    forwarded,
    get badGateway() {
      return state.badGateway;
    },
    upstreamErrors,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
