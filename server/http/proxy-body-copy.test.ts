import { PassThrough } from "node:stream";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { releaseBodyCopy } from "./proxy-body-copy.ts";

// Next.js's own tee of a request body, as its server uses it before running the proxy.
const { getCloneableBody } = createRequire(import.meta.url)("next/dist/server/body-streams.js") as {
  getCloneableBody(readable: PassThrough): { cloneBodyStream(): PassThrough; finalize(): Promise<void> };
};

/** A posted body arriving in 64 KB chunks, teed as Next.js tees it; `copy` is the proxy's stream. */
function postedBody(bytes: number) {
  const incoming = new PassThrough();
  const tee = getCloneableBody(incoming);
  const copy = tee.cloneBodyStream();
  const request = new NextRequest("http://127.0.0.1/lapor", { method: "POST", body: copy, duplex: "half" } as never);
  const send = async () => {
    for (let sent = 0; sent < bytes; sent += 65_536) {
      incoming.write(Buffer.alloc(Math.min(65_536, bytes - sent), 7));
      await new Promise((r) => setImmediate(r));
    }
    incoming.end();
  };
  return { incoming, tee, copy, request, send };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe("the proxy's copy of a request body", () => {
  it("stays buffered whole when nobody reads it (why the release exists)", async () => {
    const post = postedBody(1_000_000);
    await post.send();
    await post.tee.finalize();
    await settle();
    expect(post.copy.readableLength).toBe(1_000_000);
  });

  it("is read away as it arrives, and the route still gets the whole body", async () => {
    const post = postedBody(1_000_000);
    releaseBodyCopy(post.request);
    await post.send();
    await post.tee.finalize();
    await settle();
    expect(post.copy.readableLength).toBe(0);
    // After finalize the incoming request reads as the route's copy, untouched by the release.
    let routeBytes = 0;
    for await (const chunk of post.incoming) routeBytes += (chunk as Buffer).length;
    expect(routeBytes).toBe(1_000_000);
  });

  it("does not fail when the sender leaves mid-body", async () => {
    const post = postedBody(1_000_000);
    releaseBodyCopy(post.request);
    post.incoming.write(Buffer.alloc(65_536));
    post.incoming.destroy(new Error("socket hang up"));
    await expect(post.tee.finalize()).rejects.toThrow("socket hang up");
    await settle();
  });
});
