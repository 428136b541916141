/** The acting staff context of a signed-in principal, for route handlers, server actions and tRPC. */
import { env } from "../../env.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import type { StaffContext } from "../../domain/cases/acting.ts";

export function staffContextOf(staff: StaffPrincipal, now = new Date()): StaffContext {
  return {
    staff: { id: staff.id, username: staff.username, roles: staff.roles },
    masterKey: env().secrets.masterKey,
    now,
  };
}
