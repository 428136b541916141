/**
 * Loaded before Next.js (imported by server/net/peer-stamp.mjs): form posts that carry files
 * are let in a few at a time, first come first served; the others wait before a byte of their
 * body is read. Next.js reads a post whole (the proxy's copy, the multipart parse) before the
 * action runs, and each photo is then decoded in a worker: with twenty such posts at once the
 * server held twenty bodies and their copies, ~700 MB of RSS, and a post could wait behind any
 * number of later ones. Waiting here costs a socket and the few kilobytes Node reads ahead
 * (a request whose body is not read stops its socket). A post that waits longer than
 * MAX_WAIT_MS is answered 503 with Retry-After and a page in both languages, which the server
 * registers at start (server/http/busy-pages.ts); a sender who gives up while
 * waiting leaves the queue as soon as the socket tells.
 */
import http from "node:http";
import https from "node:https";
import { AsyncLocalStorage } from "node:async_hooks";
import { answerBusy, createGate } from "../admission-gate.mjs";

/**
 * Posts with files in work at once. Two sanitiser workers (one per core) and one request
 * thread: four keeps a photo decoding in each worker while the thread parses and stores two
 * more, so the wait costs no throughput.
 */
export const MAX_IN_WORK = 4;
/** How long a post may wait for its turn; under autocannon's and a browser's patience. */
export const MAX_WAIT_MS = 30_000;
/** Smaller posts (a form without files, a sign-in) carry no upload and pass at once. */
export const UPLOAD_MIN_BYTES = 64 * 1024;

const KEY = Symbol.for("lentera.uploadAdmission");
const MARK = Symbol.for("lentera.uploadAdmissionInstalled");

/** A post whose body may carry files: multipart and larger than a form's text, or of unknown length. */
export function carriesUpload(method, headers) {
  if (method !== "POST" || !/^multipart\/form-data\b/i.test(headers["content-type"] ?? "")) return false;
  if (headers["transfer-encoding"]) return true;
  const length = Number(headers["content-length"]);
  return !Number.isFinite(length) || length >= UPLOAD_MIN_BYTES;
}

/**
 * When a post gives its place back: when its answer is sent; when its action is done
 * (`workDone`, called by every portal form post, server/http/portal/upload-gate.ts); or, should
 * the sender leave after sending the whole body, when the action is done, as the server goes on
 * with it (at the latest ABANDONED_HOLD_MS later); a sender who leaves before that gives it
 * back at once. A sender whose body is still arriving after SLOW_SENDER_MS steps
 * aside: a slow connection holds little memory, and four of them must not stop every report.
 */
const ABANDONED_HOLD_MS = 30_000;
const NOTHING = () => {};
const SLOW_SENDER_MS = 10_000;

if (!globalThis[MARK]) {
  const scope = new AsyncLocalStorage();
  // On globalThis so the memory log can read the gate (server/memory-log.ts) and a test can narrow it.
  const shared = (globalThis[KEY] ??= {});
  shared.gate = createGate({ limit: MAX_IN_WORK, maxWaitMs: MAX_WAIT_MS });
  shared.workDone = () => scope.getStore()?.done();
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function admitUploads(event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [request, response] = args;
      if (!carriesUpload(request.method, request.headers)) return emit.call(this, event, ...args);
      const leave = shared.gate.enter(
        (release) => {
          const slow = setTimeout(() => request.complete || release(), SLOW_SENDER_MS);
          // The scope's store outlives the request in whatever async work began inside it (a
          // keep-alive socket's timer, a stream's promise): it must not keep the request and
          // its body alive, so it lets go of them once the place is given back.
          // (A function made here would hold this scope, and so the request: hence NOTHING.)
          const store = { done: NOTHING };
          const done = () => {
            clearTimeout(slow);
            store.done = NOTHING;
            release();
          };
          store.done = done;
          response.once("close", () => {
            // Answered, or left before its body was whole (no action runs on half a body).
            if (response.writableFinished || !request.complete) return done();
            setTimeout(done, ABANDONED_HOLD_MS).unref();
          });
          scope.run(store, () => emit.call(this, event, ...args));
        },
        () => answerBusy(response, globalThis[KEY]?.busyPage?.(), MAX_WAIT_MS),
      );
      response.once("close", leave);
      return true;
    };
  }
  globalThis[MARK] = true;
}
