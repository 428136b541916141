/** The acting staff context of a signed-in principal, for route handlers and server actions. */
import type { Db } from "../db.ts";
import { env } from "../env.ts";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import type { StaffContext } from "../domain/cases/acting.ts";

export async function staffContextOf(db: Db, staff: StaffPrincipal, now = new Date()): Promise<StaffContext> {
  const { username } = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { username: true } });
  return { staff: { id: staff.id, username, roles: staff.roles }, masterKey: env().secrets.masterKey, now };
}
