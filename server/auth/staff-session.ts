import { getServerSession } from "next-auth";
import type { Db } from "../db.ts";
import { authOptions } from "./options.ts";

/** What the signed session token carries: ids only, everything else is reloaded. */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  /** True for the session between the password step and a confirmed second factor. */
  enrol?: unknown;
}

export async function sessionClaims(): Promise<SessionClaims | null> {
  return (await getServerSession(authOptions())) as unknown as SessionClaims | null;
}

/**
 * The signed-in staff member, reloaded from the database on every call: a deactivated
 * account or a bumped sessionVersion loses access on its next request.
 */
export async function currentStaff(db: Db) {
  const claims = await sessionClaims();
  return claims ? staffFromClaims(db, claims) : null;
}

/**
 * For routes and actions outside tRPC: a session that may work, i.e. not one that still has to
 * replace an Admin-given password (tRPC's staffProcedure refuses those the same way).
 */
export async function workingStaff(db: Db) {
  const staff = await currentStaff(db);
  return staff && !staff.mustChangePassword ? staff : null;
}

/** A full staff session. An enrolment session (`enrol: true`) is never one: it can only enrol. */
export async function staffFromClaims(db: Db, claims: SessionClaims) {
  if (typeof claims.uid !== "string" || claims.enrol === true) return null;
  const user = await db.staffUser.findUnique({
    where: { id: claims.uid },
    select: { id: true, username: true, name: true, nip: true, position: true, roles: true, active: true, sessionVersion: true, mustChangePassword: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  return user;
}

export type StaffPrincipal = NonNullable<Awaited<ReturnType<typeof staffFromClaims>>>;

/** The session of someone who passed the password step and must now enrol a second factor. */
export async function currentEnrolment(db: Db) {
  const claims = await sessionClaims();
  return claims ? enrolmentFromClaims(db, claims) : null;
}

/**
 * An enrolment session is valid while the account is active, the session version matches and
 * the factor is still not enrolled (confirming enrolment bumps the version, ending it).
 */
export async function enrolmentFromClaims(db: Db, claims: SessionClaims) {
  if (typeof claims.uid !== "string" || claims.enrol !== true) return null;
  const user = await db.staffUser.findUnique({
    where: { id: claims.uid },
    select: { id: true, username: true, name: true, active: true, sessionVersion: true, totpEnrolledAt: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv || user.totpEnrolledAt !== null) return null;
  return { id: user.id, username: user.username, name: user.name, sessionVersion: user.sessionVersion };
}

export type EnrolmentSession = NonNullable<Awaited<ReturnType<typeof enrolmentFromClaims>>>;
