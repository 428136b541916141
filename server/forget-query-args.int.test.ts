/**
 * Query values are not kept after the query: @prisma/debug's call history (kept even with
 * debugging off) holds the statements the adapter ran, never their parameters.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverExecute } from "./driver-transaction.ts";
import { transaction } from "./domain/transaction.ts";
import { openTestDb, type TestDbHandle } from "./testing/test-db.ts";

type DebugModule = { getLogs(numChars?: number): string; clearLogs(): void };

/** The @prisma/debug each adapter loads (ESM, as the server loads them), resolved from that adapter. */
async function adapterDebugModules(): Promise<DebugModule[]> {
  const require = createRequire(import.meta.url);
  return Promise.all(
    ["pglite-prisma-adapter", "@prisma/adapter-pg"].map((adapter) => {
      const debugMain = createRequire(require.resolve(adapter)).resolve("@prisma/debug");
      return import(pathToFileURL(path.join(path.dirname(debugMain), "index.mjs")).href) as Promise<DebugModule>;
    }),
  );
}

let handle: TestDbHandle;
let debugModules: DebugModule[];
beforeAll(async () => {
  handle = await openTestDb();
  debugModules = await adapterDebugModules();
});
afterAll(() => handle?.close());

const history = () => debugModules.map((d) => d.getLogs(100_000_000)).join("\n");

describe("forgetQueryArgs", () => {
  it("leaves a megabyte parameter out of the adapter's debug history, and the query still ran with it", async () => {
    for (const d of debugModules) d.clearLogs();
    const photo = new Uint8Array(1_000_000).fill(7);
    const marker = `forget-${Date.now()}`;
    const length = await transaction(handle.db, async (tx) => {
      await driverExecute(tx, `SELECT length($1::bytea) AS "${marker}"`, [photo]);
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT length(${Buffer.from(photo)}::bytea)::int AS n`;
      return row!.n;
    });
    expect(length).toBe(1_000_000);
    const logs = history();
    expect(logs).toContain(marker); // the statement itself is still there
    expect(logs.length).toBeLessThan(50_000); // a kept megabyte is millions of characters
  });
});
