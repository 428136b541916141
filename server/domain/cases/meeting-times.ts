/**
 * When the step-4 meeting happens, as the office's day allows and as it really happened:
 * a proposed start inside office hours, the checks on the recorded start and end, and the
 * SOP clock of step 4 measured to the meeting held (not to the moment it was scheduled).
 */
import { CaseStatus } from "../../generated/prisma/enums.ts";
import {
  addOfficeMinutes,
  officeMinutesBetween,
  zonedInstant,
  zonedParts,
  type OfficeCalendar,
} from "../office-time.ts";
import { getSetting } from "../settings.ts";
import { loadOfficeCalendar, standardMinutes } from "../sla.ts";
import type { Tx } from "../tx.ts";
import { DomainError, type ReasonIn } from "../errors.ts";
import { CaseConflictError } from "./transition.ts";

const MINUTE = 60_000;
/** A meeting proposal leaves at least this long before the office closes. */
export const PROPOSED_MEETING_MINUTES = 60;
/** Clocks of browser and server may differ a little; a minute's lead is not "in the future". */
const CLOCK_SKEW_MS = MINUTE;

/** The first full hour after `now` at which a whole meeting fits inside the office's open hours. */
export function proposeMeetingStart(now: Date, cal: OfficeCalendar): Date {
  let from = now;
  for (let i = 0; i < 400; i++) {
    // addOfficeMinutes(x, 0) is the first open moment at or after x.
    const open = addOfficeMinutes(from, 0, cal);
    const p = zonedParts(open, cal.timeZone);
    const onTheHour = open > now && p.minutes % 60 === 0 && open.getTime() % MINUTE === 0;
    const hour = onTheHour ? open : zonedInstant(p.date, (Math.floor(p.minutes / 60) + 1) * 60, cal.timeZone);
    const end = new Date(hour.getTime() + PROPOSED_MEETING_MINUTES * MINUTE);
    if (officeMinutesBetween(hour, end, cal) === PROPOSED_MEETING_MINUTES) return hour;
    from = new Date(hour.getTime() + MINUTE);
  }
  throw new Error("office calendar has no hour for a meeting");
}

export class MeetingTimeError extends DomainError {
  override name = "MeetingTimeError";
  constructor(reason: ReasonIn<"meeting">, message: string) {
    super(reason, message);
  }
}

/**
 * The recorded start and end of a meeting (both default to now): neither in the future, the
 * end not before the start, and the start not before the meeting was convened (to the minute:
 * the form gives minutes).
 */
export function heldTimes(
  input: { heldFrom?: Date; endsAt?: Date },
  convenedAt: Date,
  now: Date,
): { heldFrom: Date; endsAt: Date } {
  const endsAt = input.endsAt ?? now;
  const heldFrom = input.heldFrom ?? (input.endsAt && input.endsAt < now ? input.endsAt : now);
  if (heldFrom.getTime() > now.getTime() + CLOCK_SKEW_MS || endsAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new MeetingTimeError("meeting.inFuture", "meeting times cannot be in the future");
  if (endsAt < heldFrom) throw new MeetingTimeError("meeting.endBeforeStart", "meeting end is before its start");
  if (heldFrom.getTime() < Math.floor(convenedAt.getTime() / MINUTE) * MINUTE)
    throw new MeetingTimeError("meeting.startBeforeConvened", "meeting start is before it was convened");
  return { heldFrom, endsAt };
}

/**
 * Convening only schedules the meeting: step 4 stays open (its clock runs to the meeting held)
 * and the Berita Acara's clock (step 5) has not started. Run right after the move to IN_MEETING.
 */
export async function keepMeetingStepOpen(tx: Tx, caseId: string): Promise<void> {
  // A case without a step-4 clock (none was started) keeps what the move set.
  const step4 = await tx.stepRecord.findUnique({ where: { caseId_step: { caseId, step: 4 } } });
  if (!step4) return;
  await tx.stepRecord.update({
    where: { id: step4.id },
    data: { completedAt: null, completedById: null, officeMinutes: null, withinStandard: null },
  });
  await tx.stepRecord.deleteMany({ where: { caseId, step: 5, completedAt: null } });
  await tx.case.update({ where: { id: caseId }, data: { dueAt: step4.dueAt } });
}

/**
 * The meeting was held from `heldFrom` to `endsAt`: step 4 is done at the end, measured against
 * its standard, and step 5 (the Berita Acara) starts then. Recording the outcome again moves both.
 */
export async function completeMeetingStep(tx: Tx, caseId: string, endsAt: Date, completedById: string): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  if (c.status !== CaseStatus.IN_MEETING) return;
  const [cal, standards] = await Promise.all([loadOfficeCalendar(tx), getSetting(tx, "sla.standards")]);
  const step4 = await tx.stepRecord.findUnique({ where: { caseId_step: { caseId, step: 4 } } });
  if (step4) {
    const officeMinutes = Math.max(0, officeMinutesBetween(step4.startedAt, endsAt, cal) - step4.pausedOfficeMinutes);
    await tx.stepRecord.update({
      where: { id: step4.id },
      data: {
        completedAt: endsAt,
        completedById,
        officeMinutes,
        withinStandard: officeMinutes <= step4.standardMinutes,
      },
    });
  }
  const minutes = standardMinutes(standards, 5);
  const dueAt = addOfficeMinutes(endsAt, minutes, cal);
  await tx.stepRecord.upsert({
    where: { caseId_step: { caseId, step: 5 } },
    create: { caseId, step: 5, startedAt: endsAt, dueAt, standardMinutes: minutes },
    update: { startedAt: endsAt, dueAt, standardMinutes: minutes },
  });
  await tx.case.update({ where: { id: caseId }, data: { dueAt } });
}

/** The Berita Acara states what happened: it waits until the meeting's outcome is recorded. */
export async function assertMeetingHeld(tx: Tx, caseId: string): Promise<void> {
  const meeting = await tx.meeting.findFirst({
    where: { caseId },
    orderBy: { startsAt: "desc" },
    select: { endsAt: true },
  });
  if (!meeting?.endsAt)
    throw new CaseConflictError("case.meetingNotHeld", "the meeting has not been held yet; record its outcome first");
}
