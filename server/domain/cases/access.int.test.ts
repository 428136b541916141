/**
 * The case-visibility rule exists as a Prisma filter (lists, reads), as SQL (statistics) and as
 * a predicate on facts read with a request (letter downloads). All must select the same cases
 * for every kind of staff member.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { submitSampleCase } from "../../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { caseScope, caseScopeSql, caseViewer, mayViewCase } from "./access.ts";

describe("case visibility, as Prisma filter, SQL and predicate", () => {
  let handle: TestDbHandle;
  let users: Record<string, StaffPrincipal>;
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    handle = await openTestDb();
    users = await seedDemoStaff(handle.db);
    cases.plain = (await submitSampleCase(handle.db)).caseId;
    cases.leadership = (await submitSampleCase(handle.db, { involvesLeadership: true })).caseId;
    cases.excludesAudit = (await submitSampleCase(handle.db)).caseId;
    cases.excludesKadis = (await submitSampleCase(handle.db, { involvesLeadership: true })).caseId;
    await handle.db.caseExclusion.create({ data: { caseId: cases.excludesAudit, userId: users.audit!.id } });
    await handle.db.caseExclusion.create({ data: { caseId: cases.excludesKadis, userId: users.kadis!.id } });
  });
  afterAll(() => handle?.close());

  const names = (ids: string[]) =>
    Object.entries(cases)
      .filter(([, id]) => ids.includes(id))
      .map(([name]) => name)
      .sort();

  it("selects the same cases every way, and the cases the rule describes", async () => {
    const expected: Record<string, string[]> = {
      sekretariat: ["excludesAudit", "excludesKadis", "leadership", "plain"],
      telaah: ["excludesAudit", "excludesKadis", "leadership", "plain"],
      audit: ["excludesKadis", "leadership", "plain"],
      kadis: ["excludesAudit", "plain"],
      pengawas: ["excludesAudit", "excludesKadis", "leadership", "plain"],
    };
    for (const [username, visible] of Object.entries(expected)) {
      const staff = users[username]!;
      const viaPrisma = await handle.db.case.findMany({ where: caseScope(staff)!, select: { id: true } });
      const viaSql = await handle.db.$queryRaw<
        { id: string }[]
      >`SELECT c.id FROM cases c WHERE ${caseScopeSql(caseViewer(staff), "c")}`;
      expect([username, names(viaPrisma.map((r) => r.id))]).toEqual([username, visible]);
      expect([username, names(viaSql.map((r) => r.id))]).toEqual([username, visible]);
      const facts = await handle.db.case.findMany({
        select: {
          id: true,
          involvesLeadership: true,
          exclusions: { where: { userId: staff.id }, select: { id: true } },
        },
      });
      const viaPredicate = facts.filter((c) =>
        mayViewCase(staff, { involvesLeadership: c.involvesLeadership, excludesUser: c.exclusions.length > 0 }),
      );
      expect([username, names(viaPredicate.map((r) => r.id))]).toEqual([username, visible]);
    }
  });

  it("gives an account without a case role no cases", () => {
    expect(caseScope(users.admin!)).toBeNull();
    expect(mayViewCase(users.admin!, { involvesLeadership: false, excludesUser: false })).toBe(false);
  });
});
