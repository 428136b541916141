/** The "Data contoh" banner's rule, as the pages ask it (portal.sampleData). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { appRouter } from "../routers/_app.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { SAMPLE_DATA_KEY } from "./demo-data.ts";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

const bannerShown = () =>
  createCallerFactory(appRouter)({ db: handle.db, staff: async () => null }).portal.sampleData();
const mark = (caseIds: string[]) =>
  handle.db.setting.upsert({
    where: { key: SAMPLE_DATA_KEY },
    create: { key: SAMPLE_DATA_KEY, value: { seededAt: "2026-11-20T03:00:00.000Z", caseIds } },
    update: { value: { seededAt: "2026-11-20T03:00:00.000Z", caseIds } },
  });

describe("sample data banner", () => {
  it("is hidden without sample data, shown while a sample case is there, hidden once they are gone", async () => {
    const real = await submitSampleCase(handle.db);
    expect(await bannerShown()).toBe(false);

    const sample = await submitSampleCase(handle.db);
    await mark([sample.caseId]);
    expect(await bannerShown()).toBe(true);

    // The sample cases removed (a fresh database, or their rows deleted): the mark alone shows nothing.
    await mark(["00000000-0000-7000-8000-000000000000"]);
    expect(await bannerShown()).toBe(false);
    await handle.db.setting.delete({ where: { key: SAMPLE_DATA_KEY } });
    expect(await bannerShown()).toBe(false);
    expect(await handle.db.case.count({ where: { id: real.caseId } })).toBe(1);
  });
});
