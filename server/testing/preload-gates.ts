/**
 * For tests of the `npm start` preload's gates (server/http/request-admission.mjs,
 * server/http/portal/upload-admission.mjs): a plain HTTP server standing for Next.js, listening
 * for the test file, and a gate narrowed for one check.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createGate, type Gate } from "../http/admission-gate.mjs";

/** Listens on a free loopback port for the test file; `base` is its address once listening. */
export function listenDuringTests(server: http.Server): { base: string } {
  const at = { base: "" };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    at.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return at;
}

/** Runs `check` with `holder`'s gate replaced by a narrower one, then puts the real one back. */
export async function withNarrowGate(
  holder: { gate: Gate },
  options: { limit: number; maxWaitMs: number },
  check: () => Promise<void>,
): Promise<void> {
  const original = holder.gate;
  holder.gate = createGate(options);
  try {
    await check();
  } finally {
    holder.gate = original;
  }
}
