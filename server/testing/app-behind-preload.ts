/**
 * Tests of what the `npm start` preload (server/net/peer-stamp.mjs) does before the application:
 * a plain HTTP server standing for Next.js, which records the headers of every request that
 * reaches it and answers "from the application". Import the preload in the test file first.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export const FROM_THE_APPLICATION = "from the application";

export function appBehindPreload() {
  const app = { base: "", seen: [] as http.IncomingHttpHeaders[] };
  const server = http.createServer((req, res) => {
    app.seen.push(req.headers);
    res.end(FROM_THE_APPLICATION);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    app.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return app;
}
