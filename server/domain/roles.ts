import { Role } from "../generated/prisma/enums.ts";
import { rolesFor } from "./policy/policy.ts";

export const ALL_ROLES = Object.values(Role);

/** Roles that work on cases (and so read reports). Admin is deliberately absent (separation of duties). */
export const CASE_ROLES: readonly Role[] = rolesFor("readCases");

/** Admin never reads a case: no account holds ADMIN together with a case role. */
export const combinesAdminWithCaseRole = (roles: readonly Role[]): boolean =>
  roles.includes(Role.ADMIN) && roles.some((r) => CASE_ROLES.includes(r));

/**
 * The roles a session acts with. An account holding ADMIN acts as Admin only, even if a case
 * role was written next to it outside the application (the database also refuses that).
 */
export const effectiveRoles = (roles: Role[]): Role[] =>
  roles.includes(Role.ADMIN) ? roles.filter((r) => !CASE_ROLES.includes(r)) : roles;
