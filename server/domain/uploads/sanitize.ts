import type { UploadKind } from "./detect.ts";
import { safeFileName } from "./file-name.ts";
import type { RefusalReason } from "./refusal.ts";
import { SanitizePool } from "./worker-pool.ts";

export type { RefusalReason };

export interface SanitizedFile {
  bytes: Buffer;
  /**
   * SHA-256 of `bytes`, taken in the sanitiser worker: a megabyte's hash is then off the request
   * thread. A file made otherwise (tests) may leave it out; it is taken when stored.
   */
  sha256?: Uint8Array;
  mime: string;
  kind: UploadKind;
  fileName: string;
  strippedMetadata: boolean;
  warning: boolean;
}

export type SanitizeResult = { ok: true; file: SanitizedFile } | { ok: false; reason: RefusalReason };

const SHARED = Symbol.for("lentera.sanitizePool");

/**
 * The process's sanitiser pool, started on first use. On globalThis: Next.js bundles this module
 * once per route that takes files (the report form, the reporter's reply, staff uploads), and a
 * pool per copy would start workers per copy, each holding its own memory.
 */
export function sanitizePool(): SanitizePool {
  const g = globalThis as unknown as Record<symbol, SanitizePool | undefined>;
  return (g[SHARED] ??= new SanitizePool());
}

/**
 * Accept an evidence file by its content and remove the metadata that could identify the
 * reporter (camera, GPS position, author, software, times). The size limit is checked here,
 * before anything is decoded; detection and cleaning run in a worker of the pool.
 * With `transfer`, the caller hands over `bytes` (moved to the worker, not copied) and must not
 * use them afterwards.
 */
export async function sanitizeUpload(
  input: { bytes: Buffer; fileName: string; transfer?: boolean },
  opts: { maxBytes: number; allowedMimes: readonly string[]; pool?: SanitizePool },
): Promise<SanitizeResult> {
  const { bytes } = input;
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > opts.maxBytes) return { ok: false, reason: "too_large" };

  // Only a buffer that is wholly this file can be moved; a view into a shared one is copied.
  const movable =
    input.transfer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer;
  const message = { bytes: movable ? bytes : new Uint8Array(bytes), allowedMimes: [...opts.allowedMimes] };
  const answer = await (opts.pool ?? sanitizePool()).run(message, movable ? [bytes.buffer as ArrayBuffer] : []);
  if (!answer.ok) return answer;
  return {
    ok: true,
    file: {
      bytes: Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength),
      sha256: answer.sha256,
      mime: answer.mime,
      kind: answer.kind,
      fileName: safeFileName(input.fileName, answer.ext),
      strippedMetadata: answer.strippedMetadata,
      warning: answer.warning,
    },
  };
}
