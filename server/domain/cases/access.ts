/**
 * Who may see which case. Checked on the server for every
 * list, count and read: an excluded user, or a Kepala Dinas for a case that involves the
 * office's leadership, gets "not found" — the case does not exist for them.
 */
import { Prisma } from "../../generated/prisma/client.ts";
import { Role } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { unwrapDataKey } from "../crypto.ts";
import { may } from "../policy/policy.ts";
import type { Tx } from "../tx.ts";
import { DomainError } from "../errors.ts";

export interface StaffRef {
  id: string;
  username?: string;
  roles: readonly Role[];
}

export class CaseNotFoundError extends DomainError {
  override name = "CaseNotFoundError";
  constructor(message = "case not found") {
    super("case.notFound", message);
  }
}

/** The retention rule destroyed the case's content and its data key: there is nothing to open or add. */
export class CaseContentDestroyedError extends DomainError {
  override name = "CaseContentDestroyedError";
  constructor(message = "the case's content was destroyed under the retention rule") {
    super("case.contentDestroyed", message);
  }
}

/**
 * Who sees which cases, in one place: every case except those the user is excluded from and,
 * for a Kepala Dinas, those that involve the office's leadership (the Pengawas handles them).
 */
export interface CaseViewer {
  id: string;
  hideLeadership: boolean;
}

/** A case role, and never for anyone holding ADMIN: Admin reads no case, whatever else it holds. */
const hasCaseRole = (staff: StaffRef) => !staff.roles.includes(Role.ADMIN) && may(staff.roles, "readCases");

export const caseViewer = (staff: StaffRef): CaseViewer => ({
  id: staff.id,
  hideLeadership: staff.roles.includes(Role.KEPALA_DINAS),
});

/** The cases a staff member may see, as a Prisma filter; null when they may see none. */
export function caseScope(staff: StaffRef): Prisma.CaseWhereInput | null {
  if (!hasCaseRole(staff)) return null;
  const viewer = caseViewer(staff);
  return {
    exclusions: { none: { userId: viewer.id } },
    ...(viewer.hideLeadership ? { involvesLeadership: false } : {}),
  };
}

/**
 * The same rule as an SQL condition on the cases row `alias`, for raw queries (statistics).
 * access.int.test.ts checks that every form of the rule selects the same cases.
 */
export function caseScopeSql(viewer: CaseViewer, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM case_exclusions x WHERE x.case_id = ${a}.id AND x.user_id = ${viewer.id})${
    viewer.hideLeadership ? Prisma.sql` AND ${a}.involves_leadership = false` : Prisma.empty
  }`;
}

/** The same rule for one case whose facts were read with the request (letter downloads). */
export function mayViewCase(staff: StaffRef, facts: { involvesLeadership: boolean; excludesUser: boolean }): boolean {
  return hasCaseRole(staff) && !facts.excludesUser && !(caseViewer(staff).hideLeadership && facts.involvesLeadership);
}

/** Throws CaseNotFoundError unless the case exists and is visible to `staff`. */
export async function assertCaseVisible(db: Db | Tx, staff: StaffRef, caseId: string): Promise<void> {
  const scope = caseScope(staff);
  const found = scope && (await db.case.findFirst({ where: { AND: [{ id: caseId }, scope] }, select: { id: true } }));
  if (!found) throw new CaseNotFoundError("case not found");
}

/** The case's data key, for a visible case only. */
export async function caseKey(db: Db | Tx, masterKey: Buffer, staff: StaffRef, caseId: string): Promise<Buffer> {
  const scope = caseScope(staff);
  const row =
    scope &&
    (await db.case.findFirst({
      where: { AND: [{ id: caseId }, scope] },
      select: { wrappedKey: true, destroyedAt: true },
    }));
  if (!row) throw new CaseNotFoundError("case not found");
  if (row.destroyedAt) throw new CaseContentDestroyedError("the case's content was destroyed under the retention rule");
  return unwrapDataKey(masterKey, row.wrappedKey);
}
