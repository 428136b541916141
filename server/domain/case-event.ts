/**
 * Something that happened on a case: its timeline entry and its audit entry, always written
 * together in the caller's transaction (after the action's own guard and work).
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { ActorKind, type CaseStatus, type TimelineKind } from "../generated/prisma/enums.ts";
import { appendAudit } from "./audit.ts";
import type { Bytes } from "./crypto.ts";
import type { Tx } from "./tx.ts";

export interface EventActor {
  kind: ActorKind;
  /** Staff user id; null for the reporter (never identified) and the system. */
  id: string | null;
  /** Audit label: "reporter", "system" or the staff username. */
  label: string;
}

export interface CaseEvent {
  caseId: string;
  kind: TimelineKind;
  actor: EventActor;
  /** The audit action, e.g. "case.message". */
  action: string;
  target?: string;
  /** Ids, statuses and field names only: never free text from a report. */
  detail?: Prisma.InputJsonObject;
  /** ENCRYPTED note on the timeline entry. */
  note?: Bytes | null;
  /** A status move: where from and to, and the SOP step it completes; the reporter sees it. */
  move?: { from: CaseStatus; to: CaseStatus; step: number | null };
  at: Date;
}

/** A staff action's event on a case: the acting member, at the action's time. */
export function staffEvent(ctx: { staff: { id: string; username: string }; now: Date }, caseId: string) {
  return { caseId, actor: { kind: ActorKind.STAFF, id: ctx.staff.id, label: ctx.staff.username }, at: ctx.now };
}

export async function recordCaseEvent(tx: Tx, e: CaseEvent): Promise<void> {
  await tx.timelineEvent.create({
    data: {
      caseId: e.caseId,
      kind: e.kind,
      ...(e.move ? { fromStatus: e.move.from, toStatus: e.move.to, step: e.move.step, visibleToReporter: true } : {}),
      actorKind: e.actor.kind,
      actorId: e.actor.id,
      note: e.note ?? null,
      createdAt: e.at,
    },
  });
  await appendAudit(tx, {
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    action: e.action,
    caseId: e.caseId,
    target: e.target,
    detail: e.detail,
    at: e.at,
  });
}
