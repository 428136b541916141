/**
 * A pool of worker threads that sanitise uploads, so no decoder ever runs on the thread that
 * answers requests.
 *
 * What bounds what:
 * - time: each file gets `timeLimitMs` of a worker; past it the worker is terminated (whatever
 *   it is stuck in), the file refused `unsafe`, and a fresh worker takes the next file.
 * - JavaScript memory: `resourceLimits` caps each worker's V8 heap (pdf-lib's object graph,
 *   the M4A/MP3 parsers' box lists); a worker that runs out dies, its file is refused `unsafe`.
 * - memory outside the V8 heap (ArrayBuffers, libvips pixels), which `resourceLimits` does not
 *   count: bounded first by the format code's own budgets — sharp's pixel limit before decoding
 *   (image.ts), the inflate budgets of the PDF and Office sanitisers, the raw size limit on the
 *   input — times the pool size, since a worker holds one file at a time. Should a decoder
 *   still grow past them, a watchdog samples the process RSS while files are in work and ends
 *   the longest-running worker once RSS has grown by `maxRssGrowthBytes` since its file
 *   started (Node cannot measure one worker's ArrayBuffers from outside).
 * - CPU: `size` workers (the machine's parallelism), each with one libvips thread.
 * - waiting work: at most `maxQueued` files wait for a worker; more are refused `busy` at once
 *   instead of piling up memory.
 *
 * How the worker script is found in each environment: `new Worker(new URL("./x.ts",
 * import.meta.url))` is the form Turbopack (next build, next dev) recognises in server code: it
 * compiles the entry into a "[worker thread]" chunk beside the server's own chunks (so it ships
 * with .next and is traced like them), with the same server externals (sharp stays the native
 * package from node_modules). Vitest and tsx tools run the TypeScript source (see startWorker).
 * No separate build step, no path that can drift from the build.
 */
import os from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { READY, type WorkerAnswer, type WorkerJob } from "./worker-protocol.ts";

export interface PoolOptions {
  size: number;
  /** Wall-clock time one file may take in a worker. */
  timeLimitMs: number;
  /** Time a new worker may take to load its decoders (the file's own time starts after). */
  startLimitMs: number;
  /** Files that may wait for a free worker. */
  maxQueued: number;
  resourceLimits: ResourceLimits;
  /** A worker idle this long is ended, giving its memory back; the next file starts a new one. */
  idleMs: number;
  /** Process RSS growth, since the oldest file in work started, at which that file's worker is ended. */
  maxRssGrowthBytes: number;
  /** How often RSS is sampled while files are in work. */
  rssSampleMs: number;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = {
  size: Math.max(1, os.availableParallelism()),
  // A legitimate 10 MB PDF or 40-megapixel photo takes a few seconds on a slow core.
  timeLimitMs: 20_000,
  startLimitMs: 60_000,
  // Five files for each of 20 reports arriving at once.
  maxQueued: 100,
  // pdf-lib's parse of a 10 MB PDF with many objects stays well under 192 MB of heap.
  resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  idleMs: 60_000,
  // An honest file takes at most ~120 MB of decoded pixels plus its output. Measured on the
  // bench, 512 MB let a PDF bomb take the server from 350 MB to 1 GB before it was stopped.
  maxRssGrowthBytes: 256 * 1024 * 1024,
  rssSampleMs: 50,
};

interface Job {
  message: WorkerJob;
  transfer: ArrayBuffer[];
  resolve: (answer: WorkerAnswer) => void;
}

interface Slot {
  worker: Worker;
  /** Its modules are loaded (it said "ready"); until then no file's time runs in it. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** When its file started, and the process RSS then. */
  startedAt?: number;
  rssAtStart?: number;
}

const UNSAFE: WorkerAnswer = { ok: false, reason: "unsafe" };

/**
 * sharp's rule for worker threads on glibc: the main thread loads it before any worker does, so
 * libvips stays loaded while workers start and end. Loaded before the first worker starts, not
 * with this module: libvips costs ~19 MB of RSS, which a server that receives no file need not
 * pay. Should it fail to load, the workers fail too and refuse their files.
 */
let sharpHere: Promise<void> | undefined;
let sharpLoadedHere = false;
function loadSharpHere(): Promise<void> {
  const loaded = () => {
    sharpLoadedHere = true;
  };
  return (sharpHere ??= import("sharp").then(loaded, loaded));
}

// Inside Next.js (dev or production; NEXT_RUNTIME is set by Next.js itself) Turbopack has compiled
// the worker entry into its own chunk and rewritten the URL below to it. Elsewhere (Vitest, tsx
// tools) this module runs from its TypeScript source: Node 20 can neither load a .ts worker nor
// apply `--import` loaders to worker threads, so the worker registers tsx's loader first, then
// imports its entry. (That path is derived from this module's by string, not `new URL(...,
// import.meta.url)`, which Turbopack would copy into the public static files.)
const bundled = process.env.NEXT_RUNTIME === "nodejs";

function startWorker(resourceLimits: ResourceLimits): Worker {
  if (!bundled) {
    const entry = import.meta.url.replace(/worker-pool\.ts$/, "sanitize-worker.ts");
    const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, resourceLimits });
  }
  return new Worker(new URL("./sanitize-worker.ts", import.meta.url), { resourceLimits });
}

export class SanitizePool {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly idleTimers = new Map<Slot, NodeJS.Timeout>();
  private watchdog?: NodeJS.Timeout;

  constructor(readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {}

  /** Sanitise one file in a worker. `transfer` moves those buffers to the worker (the caller loses them). */
  run(message: WorkerJob, transfer: ArrayBuffer[] = []): Promise<WorkerAnswer> {
    if (this.queue.length >= this.options.maxQueued) return Promise.resolve({ ok: false, reason: "busy" });
    return new Promise((resolve) => {
      this.queue.push({ message, transfer, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker (tests, shutdown); files waiting or in progress are refused `unsafe`. */
  async close(): Promise<void> {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    for (const job of this.queue.splice(0)) job.resolve(UNSAFE);
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  get workerCount(): number {
    return this.slots.size;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idle.pop();
      if (!slot) {
        if (this.slots.size >= this.options.size || this.starting() >= this.queue.length) return;
        if (!sharpLoadedHere) {
          void loadSharpHere().then(() => this.dispatch());
          return;
        }
        this.spawn();
        continue;
      }
      clearTimeout(this.idleTimers.get(slot));
      this.idleTimers.delete(slot);
      this.assign(slot, this.queue.shift()!);
    }
  }

  private starting(): number {
    let n = 0;
    for (const slot of this.slots) if (!slot.ready) n++;
    return n;
  }

  private spawn(): void {
    const worker = startWorker(this.options.resourceLimits);
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    // A worker that cannot even start (its script missing from a deployment, say) must not leave
    // files waiting for ever.
    slot.timer = setTimeout(() => this.fail(slot), this.options.startLimitMs);
    worker.on("message", (answer: WorkerAnswer | typeof READY) => {
      if (answer === READY) {
        slot.ready = true;
        this.release(slot);
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (!job) return;
      this.release(slot);
      job.resolve(answer);
      this.dispatch();
    });
    // Out of memory, a crash in a decoder, an uncaught error: that file is refused, the worker replaced.
    worker.on("error", (error) => {
      if (!slot.ready) console.error(`sanitize pool: a worker failed to start: ${error.message}`);
      this.fail(slot);
    });
    worker.on("exit", () => this.fail(slot));
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.startedAt = performance.now();
    slot.rssAtStart = process.memoryUsage.rss();
    this.watch();
    slot.worker.ref();
    slot.timer = setTimeout(() => this.fail(slot), this.options.timeLimitMs);
    try {
      slot.worker.postMessage(job.message, job.transfer);
    } catch {
      this.fail(slot);
    }
  }

  private busy(): Slot[] {
    return [...this.slots].filter((slot) => slot.job).sort((a, b) => a.startedAt! - b.startedAt!);
  }

  /** Samples RSS while any file is in work; see the memory note at the top. */
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const busy = this.busy();
      if (busy.length === 0) {
        clearInterval(this.watchdog);
        this.watchdog = undefined;
        return;
      }
      const oldest = busy[0]!;
      if (process.memoryUsage.rss() - oldest.rssAtStart! > this.options.maxRssGrowthBytes) this.fail(oldest);
    }, this.options.rssSampleMs);
    this.watchdog.unref();
  }

  /** Idle and waiting for a file (after starting, or after an answer). */
  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    // An idle worker must not keep a CLI process alive.
    slot.worker.unref();
    this.idle.push(slot);
    const timer = setTimeout(() => void this.retire(slot), this.options.idleMs);
    timer.unref();
    this.idleTimers.set(slot, timer);
  }

  /**
   * The worker is gone or must go: refuse its file, forget it, let the queue go on with a fresh
   * one. A worker that died while starting takes the first waiting file with it, so a worker
   * that can never start refuses files instead of looping.
   */
  private fail(slot: Slot): void {
    if (!this.slots.has(slot)) return;
    const job = slot.job ?? (slot.ready ? undefined : this.queue.shift());
    void this.retire(slot);
    job?.resolve(UNSAFE);
    this.dispatch();
  }

  private async retire(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    clearTimeout(this.idleTimers.get(slot));
    this.idleTimers.delete(slot);
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    slot.job = undefined;
    await slot.worker.terminate();
  }
}
