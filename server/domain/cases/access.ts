/**
 * Who may see which case (issue 4 item 6, DESIGN.md §5). Checked on the server for every
 * list, count and read: an excluded user, or a Kepala Dinas for a case that involves the
 * office's leadership, gets "not found" — the case does not exist for them.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import { Role } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { unwrapDataKey } from "../crypto.ts";
import type { Tx } from "../tx.ts";

/** Roles that work on cases. Admin is deliberately absent (separation of duties). */
export const CASE_ROLES: readonly Role[] = [Role.SEKRETARIAT, Role.TIM_TELAAH, Role.TIM_AUDIT, Role.KEPALA_DINAS, Role.PENGAWAS];

export interface StaffRef {
  id: string;
  username?: string;
  roles: readonly Role[];
}

export class CaseNotFoundError extends Error {
  override name = "CaseNotFoundError";
}

/** The cases a staff member may see, as a Prisma filter; null when they may see none. */
export function caseScope(staff: StaffRef): Prisma.CaseWhereInput | null {
  if (!staff.roles.some((r) => CASE_ROLES.includes(r))) return null;
  return {
    exclusions: { none: { userId: staff.id } },
    // Hidden from every account that holds the Kepala Dinas role; the Pengawas handles them.
    ...(staff.roles.includes(Role.KEPALA_DINAS) ? { involvesLeadership: false } : {}),
  };
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
  const row = scope && (await db.case.findFirst({ where: { AND: [{ id: caseId }, scope] }, select: { wrappedKey: true } }));
  if (!row) throw new CaseNotFoundError("case not found");
  return unwrapDataKey(masterKey, row.wrappedKey);
}
