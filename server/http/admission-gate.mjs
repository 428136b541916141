/**
 * What the preloads that let requests in a few at a time share (server/http/request-admission.mjs
 * for every request, server/http/portal/upload-admission.mjs for posts with files): a
 * first-in-first-out gate, and the 503 answer to a request that waited too long for its turn.
 * Plain JavaScript: Node loads the preloads before any compiler.
 */
import { AsyncResource } from "node:async_hooks";

/**
 * A first-in-first-out gate: at most `limit` holders at once. `enter(admit, refuse)` calls
 * `admit(release)` when it is this one's turn (now or later), or `refuse()` after `maxWaitMs`
 * of waiting; it returns `leave`, which takes a waiter out of the queue (its sender is gone).
 * `release` and `leave` may be called more than once.
 *
 * A waiter is admitted when another holder releases its place, but `admit` runs in the async
 * context `enter` was called in, not the releaser's: otherwise each request would run inside
 * the one before it (and its AsyncLocalStorage stores, Next.js's request scope among them), and
 * a keep-alive connection would keep a chain of every request it carried.
 */
export function createGate({ limit, maxWaitMs }) {
  let inWork = 0;
  const waiting = [];

  const next = () => {
    while (inWork < limit && waiting.length > 0) start(waiting.shift());
  };
  const start = (entry) => {
    clearTimeout(entry.timer);
    inWork++;
    let held = true;
    entry.admit(() => {
      if (!held) return;
      held = false;
      inWork--;
      next();
    });
  };

  return {
    enter(admit, refuse) {
      const entry = { admit: AsyncResource.bind(admit), timer: undefined };
      if (inWork < limit && waiting.length === 0) {
        start(entry);
        return () => {};
      }
      entry.timer = setTimeout(() => {
        const at = waiting.indexOf(entry);
        if (at < 0) return;
        waiting.splice(at, 1);
        refuse();
      }, maxWaitMs);
      waiting.push(entry);
      return () => {
        const at = waiting.indexOf(entry);
        if (at < 0) return;
        waiting.splice(at, 1);
        clearTimeout(entry.timer);
      };
    },
    get inWork() {
      return inWork;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/**
 * The answer to a request that waited longer than `maxWaitMs`: 503 with Retry-After and `page`
 * (both languages, registered by the application at start), or a bare 503 before it is.
 */
export function answerBusy(response, page, maxWaitMs) {
  const retryAfter = String(Math.ceil(maxWaitMs / 1000));
  if (!page) {
    response.writeHead(503, { "Retry-After": retryAfter, "Content-Length": "0" });
    response.end();
    return;
  }
  const body = Buffer.from(page.html);
  response.writeHead(503, {
    ...page.headers,
    "Retry-After": retryAfter,
    "Content-Length": String(body.length),
  });
  // Node drains an unread body after the answer, so the sender reads the page.
  response.end(body);
}
