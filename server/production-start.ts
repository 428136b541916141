/**
 * How the production server starts: `npm start` (package.json) runs exactly this, and every
 * server the project spawns itself (Playwright's, the bench's, the screenshot server) starts the
 * same way, so what they measure and test is what runs in production.
 *
 * The preload stamps each request with its socket address and answers cached pages
 * (server/net/peer-stamp.mjs); a production server refuses to start without it.
 *
 * glibc reads its allocator settings when the process starts, so they cannot be set from inside
 * it. MALLOC_ARENA_MAX=2: every thread that allocates (the sanitiser workers, libvips' threads)
 * otherwise gets an arena of its own, kept after use. (MALLOC_MMAP_THRESHOLD_=1048576 kept less
 * still, but mapping every megabyte buffer of a submission cost 10–25 ms more CPU per submission.)
 * NEXT_TELEMETRY_DISABLED=1: no request to any third-party host.
 */
export const PRODUCTION_ENV = { MALLOC_ARENA_MAX: "2", NEXT_TELEMETRY_DISABLED: "1" } as const;

/**
 * V8's heap. Left to itself V8 lets the old generation grow to ~300 MB under page load before a
 * full collection, although ~75 MB of it is live. A 192 MB old generation keeps the server near
 * 400 MB while pages are served; four concurrent posts of five 10 MB files (the upload limits)
 * still pass with it.
 * Buffers (uploads, pixels) live outside this heap and are not capped by it. The new space is
 * left at its default: 4 or 8 MB halves cost report submissions a third to two thirds more CPU.
 * Worker threads set their own limits (worker-pool.ts).
 */
export const NODE_FLAGS = ["--max-old-space-size=192"] as const;

export const PRELOAD = "./server/net/peer-stamp.mjs";
export const NEXT_BIN = "node_modules/next/dist/bin/next";

/** node's arguments for `next start` on `host:port` (`appDir` serves another app, e.g. the bench's floor). */
export function nextStartArgs(port: string | number, host: string, nextBin = NEXT_BIN, appDir?: string): string[] {
  return [
    ...NODE_FLAGS,
    "--import",
    PRELOAD,
    nextBin,
    "start",
    ...(appDir ? [appDir] : []),
    "-p",
    String(port),
    "-H",
    host,
  ];
}
