import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";

const configUrl = new URL("../../../next.config.mjs", import.meta.url).href;
const nextConfig = ((await import(configUrl)) as { default: NextConfig }).default;

/**
 * The page cache and the form pages ask this same server for a page, at the proxy's
 * `request.url`, with the process's fill token (and, for a form page, the visitor's cookies).
 * That URL must name the address the server listens on, never the visitor's Host header, or
 * anyone could have the token and the cookies sent to a host of their choosing.
 */
describe("where the server's requests to itself go", () => {
  it("is the listening address: Next.js builds request.url from -H/-p, not from the Host header", () => {
    const experimental = { ...nextConfig.experimental } as Record<string, unknown>;
    // With trustHostHeader Next.js builds request.url from the Host header (resolve-routes.js).
    expect(experimental.trustHostHeader).toBeUndefined();
    expect(nextConfig.skipProxyUrlNormalize).toBe(true);
  });
});
