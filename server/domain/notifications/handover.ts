/** The notices of a status move, recorded in the move's own transaction (transitionCase). */
import { CaseStatus, NotificationKind } from "../../generated/prisma/enums.ts";
import { RUNNING_STEP } from "../cases/status-machine.ts";
import type { Tx } from "../tx.ts";
import { notifyCase } from "./notify.ts";
import { handoverRoles } from "./recipients.ts";

export interface Handover {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  byReporter: boolean;
  staffId: string | null;
  dueAt: Date | null;
  now: Date;
}

export async function notifyHandover(tx: Tx, h: Handover): Promise<void> {
  // The reporter's answer ends a wait: the message path tells the team, once.
  if (h.byReporter && h.from === CaseStatus.AWAITING_INFO) return;
  const roles = handoverRoles(h.to);
  if (roles.length === 0) return;
  const attendees =
    h.to === CaseStatus.IN_MEETING
      ? (
          await tx.meetingAttendee.findMany({
            where: { meeting: { caseId: h.caseId }, staffUserId: { not: null } },
            select: { staffUserId: true },
          })
        ).map((a) => a.staffUserId!)
      : [];
  await notifyCase(tx, {
    caseId: h.caseId,
    kind: NotificationKind.HANDOVER,
    roles,
    userIds: attendees,
    exceptUserId: h.staffId,
    status: h.to,
    step: RUNNING_STEP[h.to],
    dueAt: h.dueAt,
    now: h.now,
  });
}
