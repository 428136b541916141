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

export const PRELOAD = "./server/net/peer-stamp.mjs";
export const NEXT_BIN = "node_modules/next/dist/bin/next";

/** node's arguments for `next start` on `host:port` (`appDir` serves another app, e.g. the bench's floor). */
export function nextStartArgs(port: string | number, host: string, nextBin = NEXT_BIN, appDir?: string): string[] {
  return ["--import", PRELOAD, nextBin, "start", ...(appDir ? [appDir] : []), "-p", String(port), "-H", host];
}
