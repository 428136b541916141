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
 *   count: bounded by the format code's own budgets — sharp's pixel limit before decoding
 *   (image.ts), the inflate budgets of the PDF and Office sanitisers, the raw size limit on the
 *   input — times the pool size, since a worker holds one file at a time.
 * - CPU: `size` workers (the machine's parallelism), each with one libvips thread.
 * - waiting work: at most `maxQueued` files wait for a worker; more are refused `busy` at once
 *   instead of piling up memory.
 *
 * How the worker script is found in each environment: `new Worker(new URL("./x.ts",
 * import.meta.url))` is the form Turbopack (next build) recognises in server code and compiles
 * into its own entry chunk, with the same server externals (sharp stays a native package from
 * node_modules); Vitest and tsx run this module from its TypeScript source, where the URL
 * points at the .ts file itself, which Node 20 can only load with tsx's loader in the worker.
 */
import "sharp";
import os from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { UploadKind } from "./detect.ts";
import type { RefusalReason } from "./sanitize.ts";

export interface WorkerJob {
  bytes: Uint8Array;
  allowedMimes: readonly string[];
}

export type WorkerAnswer =
  | { ok: true; bytes: Uint8Array; mime: string; kind: UploadKind; ext: string; strippedMetadata: boolean; warning: boolean }
  | { ok: false; reason: RefusalReason };

export interface PoolOptions {
  size: number;
  /** Wall-clock time one file may take in a worker. */
  timeLimitMs: number;
  /** Files that may wait for a free worker. */
  maxQueued: number;
  resourceLimits: ResourceLimits;
  /** A worker idle this long is ended, giving its memory back; the next file starts a new one. */
  idleMs: number;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = {
  size: Math.max(1, os.availableParallelism()),
  // A legitimate 10 MB PDF or 40-megapixel photo takes a few seconds on a slow core.
  timeLimitMs: 20_000,
  // Five files for each of 20 reports arriving at once.
  maxQueued: 100,
  // pdf-lib's parse of a 10 MB PDF with many objects stays well under 192 MB of heap.
  resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  idleMs: 60_000,
};

interface Job {
  message: WorkerJob;
  transfer: ArrayBuffer[];
  resolve: (answer: WorkerAnswer) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const UNSAFE: WorkerAnswer = { ok: false, reason: "unsafe" };

// Running from TypeScript source (Vitest, tsx): Node 20 cannot load the .ts worker by itself and
// does not apply `--import` loaders to worker threads, so the worker first registers tsx's
// loader, then imports its entry. Compiled by Turbopack, the module is JavaScript.
const fromSource = import.meta.url.endsWith(".ts");

function startWorker(resourceLimits: ResourceLimits): Worker {
  if (fromSource) {
    const entry = new URL("./sanitize-worker.ts", import.meta.url).href;
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

  constructor(readonly options: PoolOptions = DEFAULT_POOL_OPTIONS) {}

  /** Sanitise one file in a worker. `transfer` moves those buffers to the worker (the caller loses them). */
  run(message: WorkerJob, transfer: ArrayBuffer[] = []): Promise<WorkerAnswer> {
    if (this.queue.length >= this.options.maxQueued) return Promise.resolve({ ok: false, reason: "busy" });
    return new Promise((resolve) => {
      this.queue.push({ message, transfer, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker (tests, shutdown); files in progress are refused `unsafe`. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.resolve(UNSAFE);
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  get workerCount(): number {
    return this.slots.size;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.idle.pop();
      if (!slot) {
        if (this.slots.size >= this.options.size) return;
        slot = this.spawn();
      }
      const timer = this.idleTimers.get(slot);
      if (timer) clearTimeout(timer);
      this.idleTimers.delete(slot);
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = startWorker(this.options.resourceLimits);
    const slot: Slot = { worker };
    this.slots.add(slot);
    worker.on("message", (answer: WorkerAnswer) => {
      const job = slot.job;
      if (!job) return;
      this.release(slot);
      job.resolve(answer);
      this.dispatch();
    });
    // Out of memory, a crash in a decoder, an uncaught error: that file is refused, the worker replaced.
    worker.on("error", () => this.fail(slot));
    worker.on("exit", () => this.fail(slot));
    return slot;
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.fail(slot);
    }, this.options.timeLimitMs);
    try {
      slot.worker.postMessage(job.message, job.transfer);
    } catch {
      this.fail(slot);
    }
  }

  /** Back to idle after an answer. */
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

  /** The worker is gone or must go: refuse its file, forget it, start the queue on a fresh one. */
  private fail(slot: Slot): void {
    if (!this.slots.has(slot)) return;
    const job = slot.job;
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
