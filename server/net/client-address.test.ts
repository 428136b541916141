import { describe, expect, it } from "vitest";
import {
  addressCountingUnit,
  normaliseAddress,
  NO_TRUSTED_PROXIES,
  resolveClientAddress,
  trustedProxies,
  UNKNOWN_ADDRESS,
} from "./client-address.ts";
import { clientAddressOf, PEER_HEADER } from "./request-address.ts";

describe("address normalisation", () => {
  it("gives one spelling per address", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
    expect(normaliseAddress(" 2001:DB8:0:0:0:0:0:1 ")).toBe("2001:db8::1");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseAddress("203.0.113.7")).toBe("203.0.113.7");
    for (const bad of ["", "unknown", "1.2.3", "203.0.113.7:8080", "<script>", "1.2.3.4, 5.6.7.8"])
      expect(normaliseAddress(bad)).toBeNull();
  });

  it("counts IPv6 per /64 and IPv4 per address", () => {
    expect(addressCountingUnit("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressCountingUnit("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:0db8:0001:0002::/64");
    expect(addressCountingUnit("2001:db8:1:3::1")).not.toBe(addressCountingUnit("2001:db8:1:2::1"));
    expect(addressCountingUnit("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressCountingUnit("203.0.113.7")).toBe("203.0.113.7");
  });
});

describe("the client address of a request", () => {
  const proxy = trustedProxies(["10.0.0.5", "172.16.0.0/12"]);

  it("is the socket peer unless the peer is a trusted proxy; a client's own X-Forwarded-For is ignored", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.1", NO_TRUSTED_PROXIES)).toBe("127.0.0.1");
    expect(resolveClientAddress("203.0.113.9", "10.0.0.5", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, "198.51.100.1", proxy)).toBe(UNKNOWN_ADDRESS);
  });

  it("behind trusted proxies takes the right-most hop that is not a trusted proxy", () => {
    expect(resolveClientAddress("10.0.0.5", "203.0.113.9", proxy)).toBe("203.0.113.9");
    // What the client wrote itself stands left of what the proxy appended.
    expect(resolveClientAddress("10.0.0.5", "1.1.1.1, 203.0.113.9", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "1.1.1.1, 203.0.113.9, 172.20.0.3", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "::ffff:203.0.113.9", proxy)).toBe("203.0.113.9");
    // A proxy that sent no header, or garbage: the proxy itself (one shared bucket; fails closed).
    expect(resolveClientAddress("10.0.0.5", undefined, proxy)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", "1.1.1.1, not-an-ip", proxy)).toBe("10.0.0.5");
  });

  it("reads the stamped peer from request headers, and believes nothing without the stamp", () => {
    const forged = new Headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddressOf(forged, NO_TRUSTED_PROXIES, true)).toBe("127.0.0.1");
    expect(clientAddressOf(forged, trustedProxies(["127.0.0.1"]), true)).toBe("198.51.100.1");
    expect(
      clientAddressOf({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": ["1.1.1.1", "203.0.113.9"] }, proxy, true),
    ).toBe("203.0.113.9");
    expect(clientAddressOf(forged, NO_TRUSTED_PROXIES, false)).toBe(UNKNOWN_ADDRESS);
  });
});
