/**
 * Loaded before Next.js (imported by peer-stamp.mjs): runs each HTTP request in its own async
 * scope, so server code can ask for the response's status and headers to be replaced when they
 * are written (server/db-outage/response-status.ts). Next.js lets pages and server actions
 * answer only 200, redirects and 404; a database outage must answer 503 with Retry-After.
 * Only a 200 or a 5xx is replaced: redirects and client errors keep their meaning.
 */
import http from "node:http";
import https from "node:https";
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("lentera.responseOverride");

if (!globalThis[KEY]) {
  const scope = new AsyncLocalStorage();
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function overridableResponse(event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const response = args[1];
      const state = { status: 0, headers: {} };
      const writeHead = response.writeHead;
      response.writeHead = function writeOverriddenHead(status, ...rest) {
        if (state.status && (status === 200 || status >= 500)) {
          if (typeof rest[0] === "string") rest.shift(); // the old reason phrase
          for (const [name, value] of Object.entries(state.headers)) this.setHeader(name, value);
          if (rest[0] && typeof rest[0] === "object") {
            // Headers passed here win over setHeader: drop ours' names from them.
            const own = new Set(Object.keys(state.headers).map((n) => n.toLowerCase()));
            if (Array.isArray(rest[0])) {
              const flat = rest[0];
              const kept = [];
              for (let i = 0; i < flat.length; i += 2)
                if (!own.has(String(flat[i]).toLowerCase())) kept.push(flat[i], flat[i + 1]);
              rest[0] = kept;
            } else rest[0] = Object.fromEntries(Object.entries(rest[0]).filter(([n]) => !own.has(n.toLowerCase())));
          }
          status = state.status;
        }
        return writeHead.call(this, status, ...rest);
      };
      return scope.run(state, () => emit.call(this, event, ...args));
    };
  }
  globalThis[KEY] = {
    set(status, headers) {
      const state = scope.getStore();
      if (!state) return false;
      state.status = status;
      state.headers = headers;
      return true;
    },
  };
}
