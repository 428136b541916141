/**
 * The staff home's summary: the same figures as the queue's lists, kept per reader until the
 * audit trail moves, so a change made through the application shows on the next view.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { submitSampleCase } from "../../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { appendAudit } from "../audit.ts";
import { clearStatisticsCache } from "../statistics/cache.ts";
import { listCases } from "./queue.ts";
import { queueSummary } from "./queue-summary.ts";

describe("the staff home's queue summary", () => {
  let handle: TestDbHandle;
  let users: Record<string, StaffPrincipal>;
  let first: string;

  beforeAll(async () => {
    clearStatisticsCache();
    handle = await openTestDb();
    users = await seedDemoStaff(handle.db);
    first = (await submitSampleCase(handle.db)).caseId;
    await submitSampleCase(handle.db);
  });
  afterAll(() => handle?.close());

  it("gives the queue's own figures and next cases", async () => {
    const sekretariat = users.sekretariat!;
    const summary = await queueSummary(handle.db, sekretariat);
    const mine = await listCases(handle.db, sekretariat, { mine: true, pageSize: 5 });
    expect(summary.mine.rows.map((r) => r.id)).toEqual(mine.rows.map((r) => r.id));
    expect(summary.mine.total).toBe(2);
    expect(summary.overdue).toEqual({ total: 0, totalIsLimited: false });
    expect(summary.visible).toEqual({ total: 2, totalIsLimited: false });
    // Tim Audit has no new report to act on, but sees both.
    const audit = await queueSummary(handle.db, users.audit!);
    expect(audit.mine.total).toBe(0);
    expect(audit.visible.total).toBe(2);
  });

  it("is kept while nothing is audited and follows the trail as soon as it moves", async () => {
    const sekretariat = users.sekretariat!;
    await queueSummary(handle.db, sekretariat);
    // Written behind the application's back (no audit entry): the kept summary still stands.
    await handle.db.caseExclusion.create({ data: { caseId: first, userId: sekretariat.id } });
    expect((await queueSummary(handle.db, sekretariat)).visible.total).toBe(2);
    // Any audited change (here a new report) moves the trail: the next view counts afresh.
    await submitSampleCase(handle.db);
    const after = await queueSummary(handle.db, sekretariat);
    expect(after.visible.total).toBe(2);
    expect(after.mine.rows.map((r) => r.id)).not.toContain(first);
    await handle.db.caseExclusion.deleteMany({ where: { caseId: first, userId: sekretariat.id } });
    await appendAudit(handle.db, { actorLabel: "system", action: "test.touch", at: new Date() });
    expect((await queueSummary(handle.db, sekretariat)).visible.total).toBe(3);
  });
});
