/** The nightly upkeep on a real database: new rows become visible to index-only reads, and the planner counts them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitSampleCase } from "../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { vacuumAndAnalyze } from "./database-upkeep.ts";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

const casesTable = async () => {
  const [row] = await handle.db.$queryRaw<{ visible: number; tuples: number }[]>`
    SELECT relallvisible::int AS visible, reltuples::float8 AS tuples FROM pg_class WHERE relname = 'cases'`;
  return row!;
};

describe("vacuumAndAnalyze", () => {
  it("marks the cases' pages all-visible and records their number for the planner", async () => {
    for (let i = 0; i < 3; i++) await submitSampleCase(handle.db);
    const before = await casesTable();
    expect(before.visible).toBe(0);
    await vacuumAndAnalyze(handle.db);
    const after = await casesTable();
    expect(after.visible).toBeGreaterThan(0);
    expect(after.tuples).toBeGreaterThanOrEqual(3);
  });
});
