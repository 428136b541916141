import createNextIntlPlugin from "next-intl/plugin";
import securityHeaders from "./server/security/security-headers.json" with { type: "json" };

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The proxy's request.url then carries the address the server was started on (`-H`), as the
  // router does: otherwise Next.js builds it with "localhost", the router sees the proxy's
  // rewrite (/ → /id) as going to another host, and forwards every Indonesian page over HTTP
  // to itself (twice the work, and an occasional "socket hang up" 500).
  skipProxyUrlNormalize: true,
  experimental: {
    // Report form and replies carry up to 5 evidence files of 10 MB (settings `uploads.limits`):
    // the body must reach the action so oversize files get a clear message instead of a 413.
    // `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on plain form posts (no
    // JavaScript), which Next.js would refuse as cross-site; each portal action instead checks
    // Sec-Fetch-Site itself (server/http/portal/request-context.ts, assertSameSitePost).
    serverActions: { bodySizeLimit: "60mb", allowedOrigins: ["null"] },
    // The proxy (CSP nonce, locale) sees the same posts; it must not truncate them.
    proxyClientMaxBodySize: "60mb",
    // Load a route's code with its first request, not all routes at start: each group of route
    // handlers carries its own copy of the shared server chunk (zod, messages, the database
    // module), and routes an office rarely opens (admin, backups, dossiers) need not hold memory.
    preloadEntriesOnStart: false,
  },
  // Native / WASM / worker-heavy packages must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@react-pdf/renderer",
    "@node-rs/argon2",
    "pg",
    "sharp",
  ],
  // Static headers for every response (the list is shared with the proxy's own answers); the
  // CSP (which needs a per-request nonce) is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
