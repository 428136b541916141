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

const S = CaseStatus;
const R = Role;

export const TRANSITIONS: readonly Transition[] = [
  { from: S.SUBMITTED, to: S.RECORDED, step: 2, by: [R.SEKRETARIAT], needsReason: false },
  { from: S.RECORDED, to: S.REVIEWED, step: 3, by: [R.TIM_TELAAH], needsReason: false },
  { from: S.RECORDED, to: S.AWAITING_INFO, step: null, by: [R.TIM_TELAAH], needsReason: true },
  // The reporter's answer ends the wait; Tim Telaah may also resume (e.g. the reporter answered by phone).
  { from: S.AWAITING_INFO, to: S.RECORDED, step: null, by: ["REPORTER", R.TIM_TELAAH], needsReason: false },
  { from: S.RECORDED, to: S.ESCALATED, step: null, by: [R.TIM_TELAAH], needsReason: true },
  { from: S.REVIEWED, to: S.IN_MEETING, step: 4, by: [R.KEPALA_DINAS], needsReason: false },
  { from: S.IN_MEETING, to: S.MINUTED, step: 5, by: [R.KEPALA_DINAS], needsReason: false },
  { from: S.MINUTED, to: S.RESPONDED, step: 6, by: [R.SEKRETARIAT], needsReason: false },
  { from: S.RESPONDED, to: S.RESPONSE_RECEIVED, step: 7, by: ["REPORTER", R.SEKRETARIAT], needsReason: false },
  { from: S.RESPONSE_RECEIVED, to: S.ARCHIVED, step: 8, by: [R.SEKRETARIAT], needsReason: false },
  { from: S.ESCALATED, to: S.ARCHIVED, step: null, by: [R.SEKRETARIAT], needsReason: true },
  // An online reporter never acknowledged within the configured wait.
  { from: S.RESPONDED, to: S.ARCHIVED, step: null, by: ["SYSTEM", R.SEKRETARIAT], needsReason: true },
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
  1: S.SUBMITTED,
  2: S.RECORDED,
  3: S.REVIEWED,
  4: S.IN_MEETING,
  5: S.MINUTED,
  6: S.RESPONDED,
  7: S.RESPONSE_RECEIVED,
  8: S.ARCHIVED,
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
