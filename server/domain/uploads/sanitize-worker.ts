/**
 * Entry of a sanitiser worker thread: one file at a time, bytes moved in and out (transferred,
 * not copied). Anything thrown here that detectAndClean does not map, and any crash of the
 * thread, is answered by the pool as `unsafe`.
 */
import sharp from "sharp";
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { detectAndClean } from "./clean.ts";
import { READY, type WorkerAnswer, type WorkerJob } from "./worker-protocol.ts";

// One libvips thread per worker: the pool's size is then the CPU the sanitisers may take.
sharp.concurrency(1);

const port = parentPort;
if (!port) throw new Error("sanitize-worker.ts runs only as a worker thread");

port.on("message", async (job: WorkerJob) => {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const result = await detectAndClean(bytes, job.allowedMimes);
  let answer: WorkerAnswer;
  const transfer: ArrayBuffer[] = [];
  if (result.ok) {
    const out = result.cleaned.bytes;
    // Output that is a view into the input (text, a trimmed MP3) shares its buffer: send the
    // whole buffer once and the view's position, rather than copying.
    answer = {
      ok: true,
      bytes: out,
      // Its own 32-byte array: a view into a pooled buffer would carry the whole pool across.
      sha256: new Uint8Array(createHash("sha256").update(out).digest()),
      mime: result.type.mime,
      kind: result.type.kind,
      ext: result.type.ext,
      strippedMetadata: result.cleaned.strippedMetadata,
      warning: result.cleaned.warning,
    };
    if (out.buffer instanceof ArrayBuffer) transfer.push(out.buffer);
  } else {
    answer = { ok: false, reason: result.reason };
  }
  try {
    port.postMessage(answer, transfer);
  } catch {
    // A buffer that cannot be moved (one from Node's small-buffer pool) is copied instead.
    port.postMessage(answer);
  }
});
port.postMessage(READY);
