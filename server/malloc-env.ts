/**
 * glibc's allocator settings for the production server: `npm start` sets them (package.json),
 * and the bench and the Playwright server start `next start` with them too. glibc reads them
 * when the process starts, so they cannot be set from inside it.
 * - MALLOC_ARENA_MAX=2: every thread that allocates (the sanitiser workers, libvips' threads)
 *   otherwise gets an arena of its own, kept after use.
 * - MALLOC_MMAP_THRESHOLD_=1048576: blocks of a megabyte or more (uploads, decoded photos) get
 *   their own mapping, given back to the system when freed; by default glibc raises the
 *   threshold after the first such block is freed and keeps the later ones in its heap.
 */
export const MALLOC_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "1048576" } as const;
