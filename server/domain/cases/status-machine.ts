/**
 * The SOP as a state machine: one table, pure, tested on its own. Every
 * move names who may make it; anything not in the table is refused.
 */
import { CaseStatus, Role } from "../../generated/prisma/enums.ts";
import { DomainError } from "../errors.ts";

/** Who acts: a staff role, the reporter (through the tracking code) or the system (timers). */
export type Actor = Role | "REPORTER" | "SYSTEM";

export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  /** SOP step completed by this move; null for side paths. */
  step: number | null;
  by: readonly Actor[];
  /** Side paths record why. */
  needsReason: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: CaseStatus.SUBMITTED, to: CaseStatus.RECORDED, step: 2, by: [Role.SEKRETARIAT], needsReason: false },
  { from: CaseStatus.RECORDED, to: CaseStatus.REVIEWED, step: 3, by: [Role.TIM_TELAAH], needsReason: false },
  { from: CaseStatus.RECORDED, to: CaseStatus.AWAITING_INFO, step: null, by: [Role.TIM_TELAAH], needsReason: true },
  // The reporter's answer ends the wait; Tim Telaah may also resume (e.g. the reporter answered by phone).
  {
    from: CaseStatus.AWAITING_INFO,
    to: CaseStatus.RECORDED,
    step: null,
    by: ["REPORTER", Role.TIM_TELAAH],
    needsReason: false,
  },
  { from: CaseStatus.RECORDED, to: CaseStatus.ESCALATED, step: null, by: [Role.TIM_TELAAH], needsReason: true },
  { from: CaseStatus.REVIEWED, to: CaseStatus.IN_MEETING, step: 4, by: [Role.KEPALA_DINAS], needsReason: false },
  { from: CaseStatus.IN_MEETING, to: CaseStatus.MINUTED, step: 5, by: [Role.KEPALA_DINAS], needsReason: false },
  { from: CaseStatus.MINUTED, to: CaseStatus.RESPONDED, step: 6, by: [Role.SEKRETARIAT], needsReason: false },
  {
    from: CaseStatus.RESPONDED,
    to: CaseStatus.RESPONSE_RECEIVED,
    step: 7,
    by: ["REPORTER", Role.SEKRETARIAT],
    needsReason: false,
  },
  { from: CaseStatus.RESPONSE_RECEIVED, to: CaseStatus.ARCHIVED, step: 8, by: [Role.SEKRETARIAT], needsReason: false },
  { from: CaseStatus.ESCALATED, to: CaseStatus.ARCHIVED, step: null, by: [Role.SEKRETARIAT], needsReason: true },
  // An online reporter never acknowledged within the configured wait.
  {
    from: CaseStatus.RESPONDED,
    to: CaseStatus.ARCHIVED,
    step: null,
    by: ["SYSTEM", Role.SEKRETARIAT],
    needsReason: true,
  },
];

/** The step whose clock runs while a case is in a status (null: no clock). */
export const RUNNING_STEP: Readonly<Record<CaseStatus, number | null>> = {
  SUBMITTED: 2,
  RECORDED: 3,
  AWAITING_INFO: null,
  REVIEWED: 4,
  IN_MEETING: 5,
  MINUTED: 6,
  RESPONDED: 7,
  RESPONSE_RECEIVED: 8,
  ARCHIVED: null,
  ESCALATED: null,
};

/** The SOP's eight steps in order, with the status each one reaches. */
export const STEP_STATUS: Readonly<Record<number, CaseStatus>> = {
  1: CaseStatus.SUBMITTED,
  2: CaseStatus.RECORDED,
  3: CaseStatus.REVIEWED,
  4: CaseStatus.IN_MEETING,
  5: CaseStatus.MINUTED,
  6: CaseStatus.RESPONDED,
  7: CaseStatus.RESPONSE_RECEIVED,
  8: CaseStatus.ARCHIVED,
};

export class IllegalTransitionError extends DomainError {
  override name = "IllegalTransitionError";
  constructor(message: string) {
    super("case.illegalMove", message);
  }
}

/** The move from → to if `actor` may make it; throws IllegalTransitionError otherwise. */
export function findTransition(from: CaseStatus, to: CaseStatus, actor: Actor): Transition {
  const move = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!move) throw new IllegalTransitionError(`${from} → ${to} is not a step of the SOP`);
  if (!move.by.includes(actor)) throw new IllegalTransitionError(`${actor} may not move a case ${from} → ${to}`);
  return move;
}

export function allowedMoves(from: CaseStatus, actor: Actor): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor));
}
