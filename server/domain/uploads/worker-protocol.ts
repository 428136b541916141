/** Messages between the sanitiser pool (worker-pool.ts) and its workers (sanitize-worker.ts). */
import type { UploadKind } from "./detect.ts";
import type { RefusalReason } from "./refusal.ts";

/** The worker's first message, once its decoders are loaded. */
export const READY = "ready";

export interface WorkerJob {
  bytes: Uint8Array;
  allowedMimes: readonly string[];
}

export type WorkerAnswer =
  | {
      ok: true;
      bytes: Uint8Array;
      /** SHA-256 of `bytes`, taken in the worker rather than on the request thread. */
      sha256: Uint8Array;
      mime: string;
      kind: UploadKind;
      ext: string;
      strippedMetadata: boolean;
      warning: boolean;
    }
  | { ok: false; reason: RefusalReason };
