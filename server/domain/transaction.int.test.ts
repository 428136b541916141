/** The transaction helper on a real database: a transaction past its time is rolled back whole, retried, then "busy". */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { nextSequence } from "./sequence.ts";
import { BusyError, isBusyError, transaction } from "./transaction.ts";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counter = (scope: string) => handle.db.sequence.findUnique({ where: { scope_year: { scope, year: 2099 } } });

describe("transaction()", () => {
  it("rolls back a transaction that runs past its timeout, tries again, and then says busy; nothing is saved", async () => {
    let attempts = 0;
    const error = await transaction(
      handle.db,
      async (tx) => {
        attempts++;
        await nextSequence(tx, "TEST:slow", 2099);
        await pause(400);
        await nextSequence(tx, "TEST:slow", 2099);
      },
      { timeout: 150, attempts: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusyError);
    expect(isBusyError(error)).toBe(true);
    expect(attempts).toBe(2);
    expect((error as Error).message).not.toMatch(/prisma|transaction api/i);
    expect(await counter("TEST:slow")).toBeNull();
  });

  it("retries a transaction that lost a lock conflict, and keeps the retry's work only", async () => {
    let attempts = 0;
    const value = await transaction(handle.db, async (tx) => {
      attempts++;
      const n = await nextSequence(tx, "TEST:conflict", 2099);
      // What Prisma throws for a deadlock or serialization failure (rolled back by the database).
      if (attempts === 1) throw Object.assign(new Error("write conflict"), { code: "P2034" });
      return n;
    });
    expect([attempts, value]).toEqual([2, 1]);
    expect((await counter("TEST:conflict"))?.lastValue).toBe(1);
  });

  it("does not retry a failure of the work itself", async () => {
    let attempts = 0;
    await expect(
      transaction(handle.db, async () => {
        attempts++;
        throw new RangeError("refused");
      }),
    ).rejects.toBeInstanceOf(RangeError);
    expect(attempts).toBe(1);
  });
});
