/**
 * One SOP move as one transaction step: guard, update conditioned on the
 * current status (exactly one row), SLA bookkeeping, timeline entry, audit entry. The
 * caller owns the transaction, so a failure anywhere leaves the case as it was.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import { ActorKind, CaseStatus, TimelineKind } from "../../generated/prisma/enums.ts";
import { recordCaseEvent } from "../case-event.ts";
import type { Bytes } from "../crypto.ts";
import { addOfficeDays, addOfficeMinutes, officeMinutesBetween, type OfficeCalendar } from "../office-time.ts";
import { getSetting } from "../settings.ts";
import { loadOfficeCalendar, standardMinutes } from "../sla.ts";
import type { Tx } from "../tx.ts";
import { DomainError, type ReasonOf } from "../errors.ts";
import { findTransition, RUNNING_STEP, type Actor } from "./status-machine.ts";
import { notifyHandover } from "../notifications/handover.ts";

export interface ActingAs {
  actor: Actor;
  /** Staff user id (null for the reporter and the system). */
  staffId?: string | null;
  /** Audit label: "reporter", "system" or the staff username. */
  label: string;
}

export interface TransitionInput {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  by: ActingAs;
  now: Date;
  /** ENCRYPTED note (required on side paths). */
  reason?: Bytes;
  /** Extra columns to set with the status (e.g. archiveReason). */
  data?: Prisma.CaseUpdateManyMutationInput;
}

/** Another user moved the case first, or it is not where the caller thought. */
export class CaseConflictError extends DomainError {
  override name = "CaseConflictError";
  constructor(reason: ReasonOf<"CONFLICT">, message: string) {
    super(reason, message);
  }
}

export class MissingReasonError extends DomainError {
  override name = "MissingReasonError";
  constructor(message: string) {
    super("case.reasonRequired", message);
  }
}

const REACHED_AT: Partial<Record<CaseStatus, keyof Prisma.CaseUpdateManyMutationInput>> = {
  REVIEWED: "reviewedAt",
  IN_MEETING: "convenedAt",
  MINUTED: "minutedAt",
  RESPONDED: "respondedAt",
  RESPONSE_RECEIVED: "responseReceivedAt",
  ARCHIVED: "archivedAt",
  ESCALATED: "escalatedAt",
};

export async function transitionCase(tx: Tx, input: TransitionInput): Promise<void> {
  const { caseId, from, to, by, now } = input;
  const move = findTransition(from, to, by.actor);
  if (move.needsReason && !input.reason) throw new MissingReasonError(`${from} → ${to} needs a reason`);

  const current = await tx.case.findUnique({
    where: { id: caseId },
    select: { status: true, pausedAt: true, pausedOfficeMinutes: true, responseDueAt: true, receivedAt: true },
  });
  if (!current || current.status !== from)
    throw new CaseConflictError("case.stale", "the case is no longer in the expected step");

  const [cal, standards] = await Promise.all([loadOfficeCalendar(tx), getSetting(tx, "sla.standards")]);
  const data: Prisma.CaseUpdateManyMutationInput = { ...input.data, status: to, version: { increment: 1 } };
  const reachedAt = REACHED_AT[to];
  if (to === CaseStatus.RECORDED && move.step === 2) data.recordedAt = now;
  else if (reachedAt) data[reachedAt] = now as never;

  if (move.step !== null) await completeStep(tx, caseId, move.step, now, cal, by.staffId ?? null);

  if (to === CaseStatus.AWAITING_INFO) {
    data.pausedAt = now;
    data.dueAt = null;
  } else if (from === CaseStatus.AWAITING_INFO) {
    // The office waited: shift every running clock by the office time spent waiting.
    const paused = current.pausedAt ? officeMinutesBetween(current.pausedAt, now, cal) : 0;
    const step = await tx.stepRecord.findUniqueOrThrow({ where: { caseId_step: { caseId, step: RUNNING_STEP[to]! } } });
    const dueAt = addOfficeMinutes(step.dueAt, paused, cal);
    await tx.stepRecord.update({ where: { id: step.id }, data: { dueAt, pausedOfficeMinutes: { increment: paused } } });
    Object.assign(data, {
      pausedAt: null,
      dueAt,
      pausedOfficeMinutes: { increment: paused },
      responseDueAt: addOfficeMinutes(current.responseDueAt, paused, cal),
    });
  } else {
    const running = RUNNING_STEP[to];
    if (running !== null) {
      const minutes = standardMinutes(standards, running);
      const dueAt = addOfficeMinutes(now, minutes, cal);
      await tx.stepRecord.create({ data: { caseId, step: running, startedAt: now, dueAt, standardMinutes: minutes } });
      data.dueAt = dueAt;
    } else {
      data.dueAt = null;
    }
  }

  if (to === CaseStatus.RESPONDED) {
    const autoArchive = await getSetting(tx, "sla.autoArchive");
    data.autoArchiveAt = addOfficeDays(now, autoArchive.officeDays, cal);
    data.responseOfficeMinutes = Math.max(
      0,
      officeMinutesBetween(current.receivedAt, now, cal) - current.pausedOfficeMinutes,
    );
  } else if (from === CaseStatus.RESPONDED) {
    data.autoArchiveAt = null;
  }

  const { count } = await tx.case.updateMany({ where: { id: caseId, status: from }, data });
  if (count !== 1) throw new CaseConflictError("case.stale", "the case is no longer in the expected step");

  await recordCaseEvent(tx, {
    caseId,
    kind: TimelineKind.TRANSITION,
    move: { from, to, step: move.step },
    actor: { kind: actorKind(by.actor), id: by.staffId ?? null, label: by.label },
    action: "case.transition",
    detail: { from, to, step: move.step },
    note: input.reason,
    at: now,
  });
  await notifyHandover(tx, {
    caseId,
    from,
    to,
    byReporter: by.actor === "REPORTER",
    staffId: by.staffId ?? null,
    dueAt: (data.dueAt as Date | null | undefined) ?? null,
    now,
  });
}

export function actorKind(actor: Actor): ActorKind {
  return actor === "REPORTER" ? ActorKind.REPORTER : actor === "SYSTEM" ? ActorKind.SYSTEM : ActorKind.STAFF;
}

async function completeStep(
  tx: Tx,
  caseId: string,
  step: number,
  now: Date,
  cal: OfficeCalendar,
  completedById: string | null,
) {
  const record = await tx.stepRecord.findUnique({ where: { caseId_step: { caseId, step } } });
  if (!record) return;
  const officeMinutes = Math.max(0, officeMinutesBetween(record.startedAt, now, cal) - record.pausedOfficeMinutes);
  await tx.stepRecord.update({
    where: { id: record.id },
    data: { completedAt: now, completedById, officeMinutes, withinStandard: officeMinutes <= record.standardMinutes },
  });
}
