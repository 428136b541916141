/**
 * Notices for case events that are not status moves: the reporter writes, a draft goes to the
 * Kepala Dinas, an approved Tanggapan waits to be sent, a returned draft goes back to be redone.
 */
import { ActorKind, CaseStatus, NotificationKind, Role } from "../../generated/prisma/enums.ts";
import { RUNNING_STEP } from "../cases/status-machine.ts";
import type { Tx } from "../tx.ts";
import { notifyCase } from "./notify.ts";
import { handoverRoles } from "./recipients.ts";

/** The reporter wrote: the roles working the case now, and the staff who wrote on its thread. */
export async function notifyReporterMessage(tx: Tx, caseId: string, now: Date) {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, dueAt: true } });
  const writers = await tx.message.findMany({
    where: { caseId, authorKind: ActorKind.STAFF, staffUserId: { not: null } },
    select: { staffUserId: true },
    distinct: ["staffUserId"],
  });
  await notifyCase(tx, {
    caseId,
    kind: NotificationKind.REPORTER_MESSAGE,
    roles: handoverRoles(c.status),
    userIds: writers.map((w) => w.staffUserId!),
    status: c.status,
    step: RUNNING_STEP[c.status],
    dueAt: c.dueAt,
    now,
  });
}

export type DraftEvent = "submitted" | "approved" | "returned";

/** Who acts on a draft next: the approver, the sender of an approved Tanggapan, or its drafters. */
export async function notifyDraft(
  tx: Tx,
  d: {
    caseId: string;
    event: DraftEvent;
    type: "BERITA_ACARA" | "TANGGAPAN";
    drafters: readonly Role[];
    draftedById: string | null;
    actorId: string;
    now: Date;
  },
) {
  const c = await tx.case.findUniqueOrThrow({ where: { id: d.caseId }, select: { status: true, dueAt: true } });
  const roles =
    d.event === "submitted" ? [Role.KEPALA_DINAS] : d.event === "approved" ? [Role.SEKRETARIAT] : d.drafters;
  // An approved Berita Acara moves the case (MINUTED); that move tells the next roles itself.
  if (d.event === "approved" && d.type === "BERITA_ACARA") return;
  if (c.status === CaseStatus.ARCHIVED) return;
  await notifyCase(tx, {
    caseId: d.caseId,
    kind: NotificationKind.HANDOVER,
    roles,
    userIds: d.event === "returned" && d.draftedById ? [d.draftedById] : [],
    exceptUserId: d.actorId,
    status: c.status,
    step: RUNNING_STEP[c.status],
    dueAt: c.dueAt,
    now: d.now,
  });
}
