/**
 * glibc's allocator settings for the production server: `npm start` sets them (package.json),
 * and the bench and the Playwright server start `next start` with them too. glibc reads them
 * when the process starts, so they cannot be set from inside it.
 * MALLOC_ARENA_MAX=2: every thread that allocates (the sanitiser workers, libvips' threads)
 * otherwise gets an arena of its own, kept after use. (MALLOC_MMAP_THRESHOLD_=1048576 kept
 * less still, but mapping every megabyte buffer of a submission cost 10–25 ms more CPU per
 * submission.)
 */
export const MALLOC_ENV = { MALLOC_ARENA_MAX: "2" } as const;
