/**
 * With LENTERA_LOG_MEMORY=true, one line every few seconds saying what the process's memory is
 * made of, to read next to the bench's RSS column: most of it is outside V8's heap (the
 * embedded database's WebAssembly memory, which never shrinks, upload buffers, the sanitiser
 * workers' pixels), and `--max-old-space-size` bounds only the heap. The sanitiser workers' own
 * heaps are not shown (Node 20 cannot read them from outside). Sizes only, never content.
 */
import v8 from "node:v8";
import type { PGlite } from "@electric-sql/pglite";

const ADMISSION = Symbol.for("lentera.uploadAdmission");
const REQUESTS = Symbol.for("lentera.requestAdmission");
const MB = 1024 * 1024;

interface Gate {
  inWork: number;
  waiting: number;
}

export interface MemoryFacts {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** The most the heap may hold (`--max-old-space-size` plus the young generation); past it the process dies. */
  heapLimit: number;
  external: number;
  arrayBuffers: number;
  /** The embedded database's WebAssembly memory (reserved; resident is at most this). */
  wasm?: number;
  uploadsInWork?: number;
  uploadsWaiting?: number;
  requestsInWork?: number;
  requestsWaiting?: number;
}

export function memoryFacts(pglite?: PGlite): MemoryFacts {
  const usage = process.memoryUsage();
  const gates = globalThis as unknown as Record<symbol, { gate?: Gate } | undefined>;
  const gate = gates[ADMISSION]?.gate;
  const requests = gates[REQUESTS]?.gate;
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    heapLimit: v8.getHeapStatistics().heap_size_limit,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    wasm: pglite?.Module.HEAPU8.length,
    uploadsInWork: gate?.inWork,
    uploadsWaiting: gate?.waiting,
    requestsInWork: requests?.inWork,
    requestsWaiting: requests?.waiting,
  };
}

export function describeMemory(f: MemoryFacts): string {
  const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
  return [
    `rss ${mb(f.rss)}`,
    `heap ${mb(f.heapUsed)} of ${mb(f.heapTotal)} (limit ${mb(f.heapLimit)})`,
    `external ${mb(f.external)} (array buffers ${mb(f.arrayBuffers)})`,
    ...(f.wasm === undefined ? [] : [`database wasm ${mb(f.wasm)}`]),
    ...(f.requestsInWork === undefined ? [] : [`requests in work ${f.requestsInWork}, waiting ${f.requestsWaiting}`]),
    ...(f.uploadsInWork === undefined ? [] : [`uploads in work ${f.uploadsInWork}, waiting ${f.uploadsWaiting}`]),
  ].join("; ");
}

/** Logs `describeMemory` every `everyMs` for the life of the process. */
export function scheduleMemoryLog(pglite: () => Promise<PGlite | undefined>, everyMs = 2_000) {
  const timer = setInterval(async () => {
    console.log(`Lentera memory: ${describeMemory(memoryFacts(await pglite()))}`);
  }, everyMs);
  timer.unref();
}
