/** The staff frame's one statement gives what the bell's count and the banner's rule give apart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import { NotificationKind } from "../generated/prisma/enums.ts";
import { seedDemoStaff } from "../testing/demo-staff.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { SAMPLE_DATA_KEY, sampleDataPresent } from "./demo-data.ts";
import { unreadCount } from "./notifications/preferences.ts";
import { staffFrameFacts } from "./staff-frame.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal>;
beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

const setMark = (value: unknown) =>
  handle.db.setting.upsert({
    where: { key: SAMPLE_DATA_KEY },
    create: { key: SAMPLE_DATA_KEY, value: value as object },
    update: { value: value as object },
  });

const notify = (userId: string, readAt: Date | null) =>
  handle.db.notification.create({
    data: { userId, reference: "WBS-2026-0001", kind: NotificationKind.NEW_REPORT, createdAt: new Date(), readAt },
  });

describe("staffFrameFacts", () => {
  it("counts only the member's own unread notifications", async () => {
    const kadis = users.kadis!.id;
    const sekretariat = users.sekretariat!.id;
    expect((await staffFrameFacts(handle.db, kadis)).unread).toBe(0);
    await notify(kadis, null);
    await notify(kadis, null);
    await notify(kadis, new Date());
    await notify(sekretariat, null);
    expect(await staffFrameFacts(handle.db, kadis)).toMatchObject({ unread: 2 });
    expect(await staffFrameFacts(handle.db, sekretariat)).toMatchObject({ unread: 1 });
    for (const id of [kadis, sekretariat])
      expect((await staffFrameFacts(handle.db, id)).unread).toBe(await unreadCount(handle.db, id));
  });

  it("shows the sample-data banner exactly for a mark naming a case still there, as the portal does", async () => {
    const kadis = users.kadis!.id;
    const sample = await submitSampleCase(handle.db);
    const gone = "00000000-0000-7000-8000-000000000000";
    const marks: [string, unknown, boolean][] = [
      ["no mark", undefined, false],
      ["a sample case still there", { seededAt: "2026-11-20T03:00:00.000Z", caseIds: [gone, sample.caseId] }, true],
      ["only removed cases", { seededAt: "2026-11-20T03:00:00.000Z", caseIds: [gone] }, false],
      ["an empty list", { seededAt: "2026-11-20T03:00:00.000Z", caseIds: [] }, false],
      ["ids that are not a list", { caseIds: sample.caseId }, false],
      ["a list whose id is not a string", { caseIds: [{ id: sample.caseId }] }, false],
    ];
    for (const [what, mark, shown] of marks) {
      if (mark === undefined) await handle.db.setting.deleteMany({ where: { key: SAMPLE_DATA_KEY } });
      else await setMark(mark);
      expect({ what, shown: (await staffFrameFacts(handle.db, kadis)).sampleData }).toEqual({ what, shown });
      expect({ what, shown: await sampleDataPresent(handle.db) }).toEqual({ what, shown });
    }
  });
});
