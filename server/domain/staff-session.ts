/**
 * The staff session rule, as plain functions on what the caller read: server/auth reads the
 * token and the account, the domain (e.g. letter downloads) applies the same rule.
 */
import type { Role } from "../generated/prisma/enums.ts";
import { effectiveRoles } from "./roles.ts";

/** What the signed session token carries: ids only, everything else is reloaded. */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  /** The server-side session record (server/auth/session-record.ts): deleted on sign-out, with an end fixed at sign-in. */
  sid?: unknown;
  /** True for the session between the password step and a confirmed second factor. */
  enrol?: unknown;
}

/** The session, unless it still has to replace an Admin-given password. */
export const working = <S extends { mustChangePassword: boolean }>(staff: S | null): S | null =>
  staff && !staff.mustChangePassword ? staff : null;

export interface StaffAccount {
  id: string;
  username: string;
  name: string;
  nip: string | null;
  position: string;
  roles: Role[];
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
}

/** The account row the session rule needs, with the end of the token's session record (null: no such open record). */
export type SessionAccount = StaffAccount & { sessionExpiresAt: Date | null };

/**
 * The session rule itself, for an account row read by the caller (staffFromClaims, or a query
 * that reads the account together with what it asks for): the account of the claims, active,
 * with the session version the token was signed with, a full (not enrolment) session whose
 * record exists and has not reached its end. It acts with its effective roles (an Admin never
 * with a case role).
 */
export function staffOfClaims(user: SessionAccount | null, claims: SessionClaims, now: Date): StaffAccount | null {
  if (typeof claims.uid !== "string" || typeof claims.sid !== "string" || claims.enrol === true) return null;
  if (!user || user.id !== claims.uid || !user.active || user.sessionVersion !== claims.sv) return null;
  if (!user.sessionExpiresAt || user.sessionExpiresAt.getTime() <= now.getTime()) return null;
  const { sessionExpiresAt: _end, ...account } = user;
  return { ...account, roles: effectiveRoles(account.roles) };
}
