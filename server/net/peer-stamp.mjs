/**
 * Loaded before Next.js (`node --import ./server/net/peer-stamp.mjs`, as `npm start` does):
 * writes the TCP peer's address into the x-lentera-peer request header, replacing whatever a
 * client sent under that name. Next.js hands route handlers, server actions and next-auth
 * only the headers, and fills X-Forwarded-For from the socket only when a client did not
 * send one, so without this stamp the socket address is not knowable and a forged
 * X-Forwarded-For would be believed. server/net/request-address.ts reads the stamp.
 */
import http from "node:http";
import https from "node:https";
import "./response-override.mjs"; // the same preload also makes outage answers 503 (server/db-outage/)
import "../http/portal/scriptless-answer.mjs"; // and answers the form pages without scripts
import "../http/request-admission.mjs"; // and lets requests into work a few at a time
import "../http/portal/cached-page-answer.mjs"; // and answers fresh copies from the page cache
import "../http/portal/upload-admission.mjs"; // and lets posts with files in a few at a time

const HEADER = "x-lentera-peer";
const MARK = Symbol.for("lentera.peerStamp");

if (!globalThis[MARK]) {
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function stampPeer(event, ...args) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") {
        const request = args[0];
        request.headers[HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
  }
  globalThis[MARK] = HEADER;
}
