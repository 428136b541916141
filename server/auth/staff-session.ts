import { getServerSession } from "next-auth";
import type { Db } from "../db.ts";
import { authOptions } from "./options.ts";

/**
 * The signed-in staff member, reloaded from the database on every call: a deactivated
 * account or a bumped sessionVersion loses access on its next request.
 */
export async function currentStaff(db: Db) {
  const session = await getServerSession(authOptions());
  const claims = session as unknown as { uid?: string; sv?: number } | null;
  return claims ? staffFromClaims(db, claims) : null;
}

export async function staffFromClaims(db: Db, claims: { uid?: unknown; sv?: unknown }) {
  if (typeof claims.uid !== "string") return null;
  const user = await db.staffUser.findUnique({
    where: { id: claims.uid },
    select: { id: true, name: true, nip: true, position: true, roles: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  return user;
}

export type StaffPrincipal = NonNullable<Awaited<ReturnType<typeof staffFromClaims>>>;
