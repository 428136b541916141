/**
 * Who is told about a case event. The roles that act next come from the access policy
 * (rolesAtWork: the SOP table's moves, the drafts, escalations); who may see the case comes from
 * the one visibility rule (access.ts), so an excluded member, a Kepala Dinas on a case involving
 * the leadership, or an Admin is never told about a case they could not open.
 */
import { CaseStatus, Role } from "../../generated/prisma/enums.ts";
import { mayViewCase } from "../cases/access.ts";
import { rolesAtWork } from "../policy/policy.ts";

/**
 * Statuses whose arrival tells nobody: the office is waiting for the reporter (their reply is
 * its own notification), or the case is closed.
 */
const QUIET: readonly CaseStatus[] = [CaseStatus.AWAITING_INFO, CaseStatus.ARCHIVED];

/** Roles told when a case reaches `status` (empty: nobody). */
export function handoverRoles(status: CaseStatus): Role[] {
  if (QUIET.includes(status)) return [];
  return rolesAtWork(status);
}

/** Roles told that the step running in `status` is due soon or overdue: its role(s) and the Pengawas. */
export function deadlineRoles(status: CaseStatus): Role[] {
  return [...new Set([...handoverRoles(status), Role.PENGAWAS])];
}

export interface Candidate {
  id: string;
  roles: readonly Role[];
  active: boolean;
  /** Excluded from this case (conflict of interest). */
  excluded: boolean;
}

export interface Audience {
  roles: readonly Role[];
  /** Named members (meeting attendees, the staff who wrote on the thread). */
  userIds?: readonly string[];
  involvesLeadership: boolean;
  /** The member who caused the event needs no notice of it. */
  exceptUserId?: string | null;
}

/** The ids of the members to notify, each once. */
export function pickRecipients(candidates: readonly Candidate[], audience: Audience): string[] {
  const named = new Set(audience.userIds ?? []);
  return candidates
    .filter((c) => c.active && c.id !== audience.exceptUserId)
    .filter((c) => named.has(c.id) || c.roles.some((r) => audience.roles.includes(r)))
    .filter((c) =>
      mayViewCase(
        { id: c.id, roles: c.roles },
        { involvesLeadership: audience.involvesLeadership, excludesUser: c.excluded },
      ),
    )
    .map((c) => c.id);
}
