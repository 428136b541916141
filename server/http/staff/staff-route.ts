/**
 * The access check of the staff route handlers (downloads, exports), answered the same way
 * everywhere: 401 without a working session, 403 without the access policy's permission.
 */
import type { Db } from "../../db.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { may, type Permission } from "../../domain/policy/policy.ts";
import { refusal } from "../download-headers.ts";

/** The refusal for `staff` (the request's working session, or null), or null when the permission is held. */
export function refusalFor(staff: StaffPrincipal | null, permission: Permission): Response | null {
  if (!staff) return refusal(401, "Silakan masuk terlebih dahulu.");
  if (!may(staff.roles, permission)) return refusal(403, "Tidak diizinkan.");
  return null;
}

/** A route answer that runs only for the holders of `permission`; everyone else gets refusalFor's answer. */
export function staffRoute<A extends unknown[]>(
  permission: Permission,
  handler: (db: Db, staff: StaffPrincipal, ...args: A) => Promise<Response>,
) {
  return async (db: Db, staff: StaffPrincipal | null, ...args: A): Promise<Response> =>
    refusalFor(staff, permission) ?? handler(db, staff!, ...args);
}
