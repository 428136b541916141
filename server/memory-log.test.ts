/** The memory line: what RSS is made of, the embedded database's WebAssembly memory included. */
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { describeMemory, memoryFacts } from "./memory-log.ts";

describe("the memory line", () => {
  const pglite = new PGlite();
  afterAll(() => pglite.close());

  it("names the heap, the buffers outside it and the database's WebAssembly memory, in MB", async () => {
    await pglite.waitReady;
    const facts = memoryFacts(pglite);
    expect(facts.wasm).toBeGreaterThan(16 * 1024 * 1024);
    expect(facts.rss).toBeGreaterThan(facts.heapUsed);
    expect(facts.heapLimit).toBeGreaterThan(facts.heapTotal);
    const line = describeMemory({ ...facts, rss: 300 * 1024 * 1024, wasm: 128 * 1024 * 1024 });
    expect(line).toMatch(
      /^rss 300\.0 MB; heap [\d.]+ MB of [\d.]+ MB \(limit [\d.]+ MB\); external [\d.]+ MB \(array buffers [\d.]+ MB\)/,
    );
    expect(line).toContain("database wasm 128.0 MB");
  });

  it("leaves out what a process does not have (PostgreSQL, no upload gate)", () => {
    const line = describeMemory({ ...memoryFacts(), uploadsInWork: undefined, requestsInWork: undefined });
    expect(line).not.toContain("database wasm");
    expect(line).not.toContain("uploads in work");
    expect(line).not.toContain("requests in work");
  });

  it("says how many requests and posts with files are in work and waiting", () => {
    const line = describeMemory({
      ...memoryFacts(),
      requestsInWork: 8,
      requestsWaiting: 12,
      uploadsInWork: 4,
      uploadsWaiting: 2,
    });
    expect(line).toContain("requests in work 8, waiting 12; uploads in work 4, waiting 2");
  });
});
