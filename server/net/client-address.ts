/**
 * The client's address, decided one way for every use (tracking brake, sign-in throttle,
 * staff audit trail).
 *
 * Rule: the address of the TCP peer is the client, unless that peer is a configured trusted
 * proxy; only then is X-Forwarded-For read, right to left, skipping further trusted proxies,
 * and the first untrusted entry is the client. Anything a client writes into the header
 * itself is therefore never believed: it sits left of what a trusted proxy appended.
 */
import { BlockList, isIP } from "node:net";

/** Trusted proxies, as parsed from LENTERA_TRUSTED_PROXIES. */
export interface TrustedProxies {
  readonly entries: readonly string[];
  contains(address: string): boolean;
}

const CIDR = /^(.+)\/(\d{1,3})$/;

/** Null when the text is not an IPv4/IPv6 address or CIDR block. */
export function parseProxyEntry(text: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const match = CIDR.exec(text);
  const address = normaliseAddress(match ? match[1]! : text);
  if (address === null) return null;
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  const prefix = match ? Number(match[2]) : max;
  return prefix <= max ? { address, prefix, family } : null;
}

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseProxyEntry(entry);
    if (!parsed) throw new Error(`not an address or CIDR block: ${entry}`);
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return {
    entries,
    contains(address) {
      const normal = normaliseAddress(address);
      return normal !== null && list.check(normal, isIP(normal) === 4 ? "ipv4" : "ipv6");
    },
  };
}

export const NO_TRUSTED_PROXIES = trustedProxies([]);

/**
 * A canonical address, or null if the text is none: IPv4-mapped IPv6 becomes IPv4, IPv6 is
 * lower-cased and compressed, a zone index and IPv6 brackets are dropped.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  if (text.startsWith("[") && text.includes("]")) text = text.slice(1, text.indexOf("]"));
  text = text.replace(/%.*$/, "");
  const family = isIP(text);
  if (family === 4)
    return text
      .split(".")
      .map((part) => String(Number(part)))
      .join(".");
  if (family !== 6) return null;
  // The WHATWG URL parser canonicalises IPv6 (RFC 5952); mapped IPv4 comes out as ::ffff:a.b.c.d or ::ffff:xxxx:xxxx.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical);
  return dotted ? dotted[1]! : canonical;
}

/** The unit a limit counts: an IPv4 address, or an IPv6 /64 (one subscriber gets a whole /64). */
export function addressCountingUnit(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => g.padStart(4, "0"));
}

/**
 * The client of one request. `peer` is the socket's remote address (as stamped by
 * server/net/peer-stamp.mjs); `forwardedFor` the X-Forwarded-For header as received.
 * Returns "unknown" when no address can be established (the caller still counts it: all
 * such requests share one bucket, which fails closed).
 */
export function resolveClientAddress(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string {
  const peerAddress = normaliseAddress(peer);
  if (peerAddress === null) return UNKNOWN_ADDRESS;
  if (!trusted.contains(peerAddress)) return peerAddress;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A malformed hop appended by a trusted proxy chain: stop believing the header there.
    if (hop === null) return peerAddress;
    if (!trusted.contains(hop)) return hop;
  }
  // Every hop is a trusted proxy: the left-most one is as close to the client as we can tell.
  return normaliseAddress(hops[0]) ?? peerAddress;
}

export const UNKNOWN_ADDRESS = "unknown";
