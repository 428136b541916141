/**
 * The staff queue pages by keyset: walking every page must give each visible case exactly
 * once, in the same order as one unpaged query, across ties in the due time and the undated
 * (archived) cases at the end.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { CaseStatus } from "../../generated/prisma/enums.ts";
import { seedSyntheticCases } from "../../../prisma/seed-synthetic-data.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { caseScope } from "./access.ts";
import { listCases, type ListInput } from "./queue.ts";
import { queueStatuses } from "../policy/policy.ts";

describe("the staff queue's pages", () => {
  let handle: TestDbHandle;
  let users: Record<string, StaffPrincipal>;

  beforeAll(async () => {
    handle = await openTestDb();
    users = await seedDemoStaff(handle.db);
    // 7 due times shared by the open cases (many ties), 70 % archived without a due time.
    await seedSyntheticCases(handle.db, randomBytes(32), 120);
    const excluded = await handle.db.case.findFirstOrThrow({
      where: { dueAt: { not: null } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    await handle.db.caseExclusion.create({ data: { caseId: excluded.id, userId: users.audit!.id } });
  });
  afterAll(() => handle?.close());

  async function walk(staff: StaffPrincipal, input: ListInput): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const page = await listCases(handle.db, staff, { ...input, cursor });
      ids.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error("the pages never ended");
  }

  async function unpaged(staff: StaffPrincipal, extra: object = {}): Promise<string[]> {
    const rows = await handle.db.case.findMany({
      where: { AND: [caseScope(staff)!, extra] },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  it("gives every visible case once, in queue order, whatever the page size", async () => {
    const all = await unpaged(users.sekretariat!);
    expect(all.length).toBe(120);
    for (const pageSize of [1, 7, 25, 100]) expect(await walk(users.sekretariat!, { pageSize })).toEqual(all);
    // A reader kept from one case never gets it on any page.
    const audit = await walk(users.audit!, { pageSize: 9 });
    expect(audit).toEqual(await unpaged(users.audit!));
    expect(audit.length).toBe(119);
  });

  it("pages a filtered list the same way", async () => {
    const mine = await unpaged(users.sekretariat!, { status: { in: queueStatuses("SEKRETARIAT") } });
    expect(mine.length).toBeGreaterThan(10);
    expect(await walk(users.sekretariat!, { mine: true, pageSize: 4 })).toEqual(mine);
    const archived = await unpaged(users.sekretariat!, { status: CaseStatus.ARCHIVED });
    expect(await walk(users.sekretariat!, { status: [CaseStatus.ARCHIVED], pageSize: 11 })).toEqual(archived);
  });

  it("filters as the model filters do: statuses, category, channel, year, overdue, the Pengawas's leadership cases", async () => {
    const sample = await handle.db.case.findFirstOrThrow({
      where: { dueAt: { not: null } },
      orderBy: { id: "desc" },
      select: { category: true, channel: true, year: true },
    });
    const now = new Date();
    const cases: [ListInput, object][] = [
      [{ status: [CaseStatus.ARCHIVED, CaseStatus.RECORDED] }, { status: { in: ["ARCHIVED", "RECORDED"] } }],
      [{ category: sample.category }, { category: sample.category }],
      [{ channel: sample.channel }, { channel: sample.channel }],
      [{ year: sample.year }, { year: sample.year }],
      [{ overdue: true }, { dueAt: { lt: now } }],
      [
        { category: sample.category, status: [CaseStatus.ARCHIVED] },
        { category: sample.category, status: CaseStatus.ARCHIVED },
      ],
    ];
    for (const [input, where] of cases) {
      const expected = await unpaged(users.audit!, where);
      expect(expected.length).toBeGreaterThan(0);
      expect(await walk(users.audit!, { ...input, pageSize: 30 })).toEqual(expected);
      expect((await listCases(handle.db, users.audit!, { ...input, pageSize: 1 }, now)).total).toBe(expected.length);
    }
    const pengawas = await unpaged(users.pengawas!, {
      OR: [
        { status: { in: queueStatuses("PENGAWAS") } },
        { involvesLeadership: true, status: { not: CaseStatus.ARCHIVED } },
      ],
    });
    expect(await walk(users.pengawas!, { mine: true, pageSize: 6 })).toEqual(pengawas);
  });

  it("goes on after a case that has left the list since, and not after a case the reader may not see", async () => {
    const first = await listCases(handle.db, users.sekretariat!, { mine: true, pageSize: 5 });
    const expected = await listCases(handle.db, users.sekretariat!, {
      mine: true,
      pageSize: 5,
      cursor: first.nextCursor!,
    });
    // Someone acts on the last case of the page: it leaves "needs my action".
    await handle.db.case.update({ where: { id: first.nextCursor! }, data: { status: CaseStatus.RECORDED } });
    const next = await listCases(handle.db, users.sekretariat!, { mine: true, pageSize: 5, cursor: first.nextCursor! });
    expect(next.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));

    const hidden = await handle.db.caseExclusion.findFirstOrThrow({
      where: { userId: users.audit!.id },
      select: { caseId: true },
    });
    const probe = await listCases(handle.db, users.audit!, { pageSize: 5, cursor: hidden.caseId });
    expect([probe.rows, probe.nextCursor]).toEqual([[], null]);
    const unknown = await listCases(handle.db, users.audit!, {
      pageSize: 5,
      cursor: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.rows).toEqual([]);
  });
});
