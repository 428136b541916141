import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../server/testing/test-db.ts";
import { openJson, unwrapDataKey } from "../server/domain/crypto.ts";
import { listCases } from "../server/domain/cases/queue.ts";
import { seedSyntheticCases } from "./seed-synthetic-data.ts";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("synthetic cases", () => {
  it("makes valid, decryptable cases that the staff list can page through", async () => {
    const masterKey = randomBytes(32);
    expect(await seedSyntheticCases(handle.db, masterKey, 2_500)).toBe(2_500);
    expect(await seedSyntheticCases(handle.db, masterKey, 500)).toBe(3_000);
    expect(await handle.db.case.count()).toBe(3_000);
    // Vacuumed, not only analysed: the visibility map lets the queue's capped count read the index alone.
    const [map] = await handle.db.$queryRaw<{ visible: number; pages: number }[]>`
      SELECT relallvisible::int AS visible, relpages::int AS pages FROM pg_class WHERE relname = 'cases'`;
    expect(map!.pages).toBeGreaterThan(0);
    expect(map!.visible).toBe(map!.pages);
    const one = await handle.db.case.findFirstOrThrow({ where: { reference: "SIN-0002999" } });
    expect(openJson<{ what: string }>(unwrapDataKey(masterKey, one.wrappedKey), one.payload).what).toContain(
      "sintetis",
    );
    const staff = { id: "00000000-0000-7000-8000-000000000000", roles: ["SEKRETARIAT" as const] };
    const first = await listCases(handle.db, staff, { pageSize: 50 });
    expect([first.total, first.totalIsLimited]).toEqual([1_000, true]); // counted up to COUNT_LIMIT
    const second = await listCases(handle.db, staff, { pageSize: 50, cursor: first.nextCursor! });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
    // A real report after them still gets a fresh number in its year.
    const year = new Date().getFullYear();
    const taken = await handle.db.case.aggregate({ where: { year }, _max: { sequence: true } });
    const seq = await handle.db.sequence.findUniqueOrThrow({ where: { scope_year: { scope: "CASE", year } } });
    expect(seq.lastValue).toBe(taken._max.sequence);
    // Soonest due first: the page is sorted by due time.
    const due = first.rows.map((r) => r.dueAt?.getTime() ?? Infinity);
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });
});
