/**
 * Loaded before Next.js (imported by server/net/peer-stamp.mjs): at most MAX_IN_WORK requests
 * are worked on at once; the others wait, first come first served, before Next.js sees them,
 * and one that waits longer than MAX_WAIT_MS is answered 503 with Retry-After and a page in both
 * languages (registered at start, server/http/busy-pages.ts). Without it the server took on
 * every request as it came: when pages arrived faster than it rendered them (the office
 * dashboard on PostgreSQL at 100 000 cases, twenty at a time), every render in progress held
 * its page in memory, clients that gave up sent new requests while the server still worked on
 * the old ones, and the server ran out of heap and died (531 requests in work in the heap
 * snapshot). Waiting here costs a socket and no rendering; a sender who leaves while waiting
 * is forgotten at once.
 *
 * Counted: requests without a body (pages, downloads, the staff workspace's queries). Not
 * counted: pages answered from the page cache (answered before this, at no cost); the proxy's
 * own request for a page it renders for a visitor who already holds a place (counting it could
 * leave every place held by a visitor waiting for its own page); and requests with a body:
 * posts with files take turns at their own gate (server/http/portal/upload-admission.mjs), and
 * a place must not be held by a sender who sends slowly. For the same reason a request holds
 * its place for at most MAX_HOLD_MS: a slow reader of a large answer goes on without it.
 */
import http from "node:http";
import https from "node:https";
import { answerBusy, createGate } from "./admission-gate.mjs";
import { isOwnPageRequest } from "./own-page-request.mjs";

/**
 * Requests in work at once. Rendering runs on one thread: more at once only interleave, each
 * holding its half-rendered page; eight leave room for requests waiting on the database.
 */
export const MAX_IN_WORK = 8;
/** How long a request may wait for its turn; under a browser's and autocannon's patience. */
export const MAX_WAIT_MS = 30_000;
/** How long a request in work holds its place (renders take well under a second). */
export const MAX_HOLD_MS = 10_000;

const KEY = Symbol.for("lentera.requestAdmission");
const MARK = Symbol.for("lentera.requestAdmissionInstalled");

/** Whether a request carries a body (a length above zero, or chunked). */
function hasBody(headers) {
  return Boolean(headers["transfer-encoding"]) || Number(headers["content-length"] ?? 0) > 0;
}

if (!globalThis[MARK]) {
  // On globalThis so the memory log can read the gate and a test can narrow it.
  const shared = (globalThis[KEY] ??= {});
  shared.gate = createGate({ limit: MAX_IN_WORK, maxWaitMs: MAX_WAIT_MS });
  shared.maxHoldMs = MAX_HOLD_MS;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function admitRequests(event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const [request, response] = args;
      if (hasBody(request.headers) || isOwnPageRequest(request)) return emit.call(this, event, ...args);
      const leave = shared.gate.enter(
        (release) => {
          const held = setTimeout(release, shared.maxHoldMs);
          // Answered, or its sender left: the place goes to the next.
          response.once("close", () => {
            clearTimeout(held);
            release();
          });
          emit.call(this, event, ...args);
        },
        () => answerBusy(response, shared.busyPage?.(), MAX_WAIT_MS),
      );
      response.once("close", leave);
      return true;
    };
  }
  globalThis[MARK] = true;
}
