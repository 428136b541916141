/**
 * The staff side of the SOP, steps 2–8. Each action is one short
 * transaction: visibility check, the work product (review, meeting, draft, agenda entry), then
 * the status move through transitionCase (guard, conditional update, timeline, audit). Numbers
 * are taken as late as possible (their counter's row lock lasts until the commit); a letter is
 * stored with its render input and rendered after the commit (../letters/issue.ts).
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import {
  ActorKind,
  AgendaBook,
  ArchiveReason,
  CaseStatus,
  type Category,
  type Channel,
  DeliveryMethod,
  DraftStatus,
  EscalationReason,
  LetterType,
  MeetingRole,
  ReviewRecommendation,
  TimelineKind,
} from "../../generated/prisma/enums.ts";
import { recordCaseEvent, staffEvent } from "../case-event.ts";
import { openJson, sealJson, sealText, type Bytes } from "../crypto.ts";
import { zonedParts } from "../office-time.ts";
import { nextSequence } from "../sequence.ts";
import type { Tx } from "../tx.ts";
import type { LetterContent, Signer } from "../letters/types.ts";
import {
  beritaAcaraLetter,
  catatanLetter,
  signerOf,
  suratPengaduanLetter,
  tanggapanLetter,
} from "../letters/case-content.ts";
import { issueDossier } from "../letters/dossier.ts";
import { issueLetter, issuePrepared, prepareLetter } from "../letters/issue.ts";
import { renderAfterCommit } from "../letters/render-pending.ts";
import { transaction } from "../transaction.ts";
import { caseKey, CaseNotFoundError } from "./access.ts";
import { actingAs, type StaffContext } from "./acting.ts";
import { DRAFT_PERMISSION, DRAFT_STATUS, may, rolesFor } from "../policy/policy.ts";
import { assertMeetingHeld, completeMeetingStep, heldTimes, keepMeetingStepOpen } from "./meeting-times.ts";
import { CaseConflictError, transitionCase, type TransitionInput } from "./transition.ts";
import { notifyDraft } from "../notifications/case-events.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

/** Loads the case as it is now inside the transaction, or "not found" for this user. */
async function current(tx: Tx, ctx: StaffContext, caseId: string) {
  const key = await caseKey(tx, ctx.masterKey, ctx.staff, caseId);
  const row = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      status: true,
      reference: true,
      category: true,
      channel: true,
      involvesLeadership: true,
      receivedAt: true,
    },
  });
  return { key, ...row };
}

/** The action's status move, from where the case is now, as the role the SOP table names for it. */
function moveCase(
  tx: Tx,
  ctx: StaffContext,
  caseId: string,
  from: CaseStatus,
  to: CaseStatus,
  more: Pick<TransitionInput, "reason" | "data"> = {},
) {
  return transitionCase(tx, { caseId, from, to, by: actingAs(ctx.staff, from, to), now: ctx.now, ...more });
}

function expectStatus(actual: CaseStatus, ...allowed: CaseStatus[]) {
  if (!allowed.includes(actual))
    throw new CaseConflictError("case.stale", `the case is ${actual}, not ${allowed.join(" or ")}`);
}

/** The next number of an agenda book, in the office's year (the time zone read beforehand: the counter stays locked until the commit). */
async function nextAgendaNumber(tx: Tx, ctx: StaffContext, book: AgendaBook, timeZone: string) {
  const year = zonedParts(ctx.now, timeZone).year;
  return { year, number: await nextSequence(tx, `AGENDA:${book}`, year) };
}

async function agendaEntry(
  tx: Tx,
  ctx: StaffContext,
  c: { reference: string; category: Category; channel: Channel },
  caseId: string,
  book: AgendaBook,
  summary: Bytes | null,
  at: { year: number; number: number },
  letter: { id: string; number: string | null } | null,
) {
  await tx.agendaEntry.create({
    data: {
      book,
      year: at.year,
      number: at.number,
      entryDate: ctx.now,
      caseId,
      reference: c.reference,
      category: c.category,
      channel: c.channel,
      summary,
      letterId: letter?.id ?? null,
      letterNumber: letter?.number ?? null,
      createdById: ctx.staff.id,
    },
  });
  return at.number;
}

/** Issues one of the SOP letters in the running transaction, signed by the acting staff member. */
async function issueStepLetter(
  tx: Tx,
  ctx: StaffContext,
  caseId: string,
  key: Buffer,
  content: (signer: Signer) => Promise<LetterContent>,
) {
  const signer = await signerOf(tx, ctx.staff.id);
  return issueLetter(tx, {
    caseId,
    key,
    content: await content(signer),
    signerId: ctx.staff.id,
    actor: { id: ctx.staff.id, label: ctx.staff.username },
    now: ctx.now,
  });
}

// --- Step 2: record ----------------------------------------------------------------

export const recordInput = z.object({ caseId: z.uuid(), subject: z.string().trim().max(300).optional() });

/** Step 2 (Sekretariat): the next number in the Buku Agenda Permohonan. */
export async function recordCase(db: Db, ctx: StaffContext, input: z.infer<typeof recordInput>) {
  const done = await transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.SUBMITTED);
    // Everything read first; the agenda and letter counters are taken last.
    const signer = await signerOf(tx, ctx.staff.id);
    const content = await catatanLetter(tx, c.key, input.caseId, signer, {
      number: null,
      subject: input.subject || null,
    });
    const prepared = await prepareLetter(tx, {
      caseId: input.caseId,
      key: c.key,
      content,
      signerId: ctx.staff.id,
      actor: { id: ctx.staff.id, label: ctx.staff.username },
      now: ctx.now,
    });
    const at = await nextAgendaNumber(tx, ctx, AgendaBook.PERMOHONAN, prepared.timeZone);
    // The Catatan Pengaduan carries the agenda number; the agenda line carries the letter's number.
    const letter = await issuePrepared(tx, prepared, { ...content, agendaNumber: at.number });
    const number = await agendaEntry(
      tx,
      ctx,
      c,
      input.caseId,
      AgendaBook.PERMOHONAN,
      input.subject ? sealText(c.key, input.subject) : null,
      at,
      letter,
    );
    await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.RECORDED);
    return { agendaNumber: number, letterId: letter.id };
  });
  await renderAfterCommit(db, ctx.masterKey, [done.letterId]);
  return { agendaNumber: done.agendaNumber };
}

// --- Step 3: review ----------------------------------------------------------------

export const reviewInput = z.object({
  caseId: z.uuid(),
  isComplete: z.boolean(),
  inScope: z.boolean(),
  /** Per element of 4W+1H: is it there? */
  elements: z.object({ what: z.boolean(), who: z.boolean(), where: z.boolean(), when: z.boolean(), how: z.boolean() }),
  summary: text(5_000),
  notes: z.string().trim().max(5_000).default(""),
  decision: z.discriminatedUnion("recommendation", [
    z.object({ recommendation: z.literal(ReviewRecommendation.FORWARD) }),
    /** The question goes to the reporter's thread; the clock pauses. */
    z.object({ recommendation: z.literal(ReviewRecommendation.REQUEST_INFO), question: text(5_000) }),
    z.object({
      recommendation: z.literal(ReviewRecommendation.ESCALATE),
      reason: z.enum(EscalationReason),
      explanation: text(2_000),
    }),
  ]),
});

/** Step 3 (Tim Telaah): the review, then forward, ask the reporter, or escalate. */
export async function reviewCase(db: Db, ctx: StaffContext, input: z.infer<typeof reviewInput>) {
  const letterId = await transaction(db, async (tx): Promise<string | null> => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.RECORDED);
    const d = input.decision;
    // A report on the leadership goes to the Pengawas; forwarding it would put it before the Kepala Dinas it concerns.
    if (c.involvesLeadership && d.recommendation === ReviewRecommendation.FORWARD)
      throw new CaseConflictError(
        "case.leadershipForward",
        "a report involving the leadership must be escalated to the Pengawas",
      );
    const content = sealJson(c.key, {
      elements: input.elements,
      summary: input.summary,
      notes: input.notes,
      ...(d.recommendation === ReviewRecommendation.ESCALATE ? { explanation: d.explanation } : {}),
    });
    const review = {
      isComplete: input.isComplete,
      inScope: input.inScope,
      recommendation: d.recommendation,
      content,
      reviewerId: ctx.staff.id,
    };
    await tx.review.upsert({
      where: { caseId: input.caseId },
      create: { caseId: input.caseId, ...review },
      update: { ...review, version: { increment: 1 } },
    });

    if (d.recommendation === ReviewRecommendation.FORWARD) {
      // The letter (its counter) before the status move (the audit chain's lock): every action takes them in
      // this order.
      const letter = await issueStepLetter(tx, ctx, input.caseId, c.key, (signer) =>
        suratPengaduanLetter(tx, c.key, input.caseId, signer),
      );
      await tx.review.update({ where: { caseId: input.caseId }, data: { submittedAt: ctx.now, letterId: letter.id } });
      await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.REVIEWED);
      return letter.id;
    } else if (d.recommendation === ReviewRecommendation.REQUEST_INFO) {
      await tx.message.create({
        data: {
          caseId: input.caseId,
          authorKind: ActorKind.STAFF,
          staffUserId: ctx.staff.id,
          body: sealText(c.key, d.question),
          isInfoRequest: true,
          createdAt: ctx.now,
        },
      });
      await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.AWAITING_INFO, {
        reason: sealText(c.key, d.question),
      });
    } else {
      await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.ESCALATED, {
        reason: sealText(c.key, d.explanation),
        data: { escalationReason: d.reason },
      });
    }
    return null;
  });
  await renderAfterCommit(db, ctx.masterKey, [letterId]);
}

/** A move whose only work product is the staff member's note, sealed as the move's reason. */
const caseNoteInput = z.object({ caseId: z.uuid(), note: text(2_000) });

function moveWithNote(
  db: Db,
  ctx: StaffContext,
  input: z.infer<typeof caseNoteInput>,
  from: CaseStatus,
  to: CaseStatus,
) {
  return transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, from);
    await moveCase(tx, ctx, input.caseId, c.status, to, { reason: sealText(c.key, input.note) });
  });
}

export const resumeInput = caseNoteInput;

/** Tim Telaah ends the wait without a portal reply (e.g. the reporter answered by phone). */
export async function resumeCase(db: Db, ctx: StaffContext, input: z.infer<typeof resumeInput>) {
  return moveWithNote(db, ctx, input, CaseStatus.AWAITING_INFO, CaseStatus.RECORDED);
}

// --- Step 4: meeting ---------------------------------------------------------------

const attendee = z.union([
  z.object({ staffUserId: z.uuid(), role: z.enum(MeetingRole).default(MeetingRole.MEMBER) }),
  z.object({
    name: text(150),
    position: z.string().trim().max(200).default(""),
    organization: z.string().trim().max(200).default(""),
    role: z.enum(MeetingRole).default(MeetingRole.MEMBER),
  }),
]);

export const conveneInput = z.object({
  caseId: z.uuid(),
  startsAt: z.coerce.date(),
  place: text(300),
  agenda: text(5_000),
  attendees: z.array(attendee).min(1).max(40),
});

/** Step 4 (Kepala Dinas): convene the meeting on the case. */
export async function conveneMeeting(db: Db, ctx: StaffContext, input: z.infer<typeof conveneInput>) {
  return transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.REVIEWED);
    const staffIds = input.attendees.flatMap((a) => ("staffUserId" in a ? [a.staffUserId] : []));
    const people = await tx.staffUser.findMany({
      where: { id: { in: staffIds }, active: true },
      select: { id: true, name: true, position: true, nip: true, rankGrade: true },
    });
    if (people.length !== new Set(staffIds).size)
      throw new CaseConflictError("case.attendeeInactive", "an attendee is not an active staff member");
    // Someone excluded from the case for a conflict of interest cannot sit in its meeting.
    const excluded = await tx.caseExclusion.count({ where: { caseId: input.caseId, userId: { in: staffIds } } });
    if (excluded > 0) throw new CaseConflictError("case.attendeeExcluded", "an attendee is excluded from this case");
    const byId = new Map(people.map((p) => [p.id, p]));
    const meeting = await tx.meeting.create({
      data: {
        caseId: input.caseId,
        startsAt: input.startsAt,
        place: input.place,
        agenda: sealText(c.key, input.agenda),
        convenedById: ctx.staff.id,
        // Convened at the action's time, like every other record of the action (the held
        // start is checked against it).
        createdAt: ctx.now,
        attendees: {
          create: input.attendees.map((a) => {
            if ("staffUserId" in a) {
              const p = byId.get(a.staffUserId)!;
              return {
                staffUserId: p.id,
                name: p.name,
                position: p.position,
                nip: p.nip,
                rankGrade: p.rankGrade,
                role: a.role,
              };
            }
            return { name: a.name, position: a.position || null, organization: a.organization || null, role: a.role };
          }),
        },
      },
      select: { id: true },
    });
    await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.IN_MEETING);
    await keepMeetingStepOpen(tx, input.caseId);
    return { meetingId: meeting.id };
  });
}

export const meetingOutcomeInput = z.object({
  caseId: z.uuid(),
  meetingId: z.uuid(),
  discussion: text(20_000),
  resolution: text(20_000),
  /** When the meeting actually began and ended (default: now). */
  heldFrom: z.coerce.date().optional(),
  endsAt: z.coerce.date().optional(),
});

/**
 * Step 4 held: when it really took place, what was discussed and the technical resolution
 * (Kepala Dinas or Tim Audit). Step 4 is done when the meeting ended; the Berita Acara's
 * clock starts then.
 */
export async function recordMeetingOutcome(db: Db, ctx: StaffContext, input: z.infer<typeof meetingOutcomeInput>) {
  return transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.IN_MEETING);
    const meeting = await tx.meeting.findFirst({
      where: { id: input.meetingId, caseId: input.caseId },
      select: { createdAt: true },
    });
    if (!meeting) throw new CaseNotFoundError("meeting not found");
    const held = heldTimes(input, meeting.createdAt, ctx.now);
    const { count } = await tx.meeting.updateMany({
      where: { id: input.meetingId, caseId: input.caseId },
      data: {
        discussion: sealText(c.key, input.discussion),
        resolution: sealText(c.key, input.resolution),
        heldFrom: held.heldFrom,
        endsAt: held.endsAt,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new CaseNotFoundError("meeting not found");
    await completeMeetingStep(tx, input.caseId, held.endsAt, ctx.staff.id);
    await recordCaseEvent(tx, {
      ...staffEvent(ctx, input.caseId),
      kind: TimelineKind.NOTE,
      action: "case.meeting.outcome",
      target: `meeting:${input.meetingId}`,
    });
  });
}

// --- Steps 5 and 6: documents that need approval -------------------------------------

/** Content of a Berita Acara draft (ENCRYPTED JSON). */
export const beritaAcaraContent = z.object({ considerations: text(20_000), decisions: text(20_000) });
/** Content of a Tanggapan draft (ENCRYPTED JSON); `body` is what the reporter reads. */
export const tanggapanContent = z.object({ body: text(20_000) });

export const draftInput = z.discriminatedUnion("type", [
  z.object({
    caseId: z.uuid(),
    type: z.literal(LetterType.BERITA_ACARA),
    content: beritaAcaraContent,
    submit: z.boolean(),
  }),
  z.object({ caseId: z.uuid(), type: z.literal(LetterType.TANGGAPAN), content: tanggapanContent, submit: z.boolean() }),
]);

/** Save (and optionally hand to the Kepala Dinas) a Berita Acara or Tanggapan draft. */
export async function saveDraft(db: Db, ctx: StaffContext, input: z.infer<typeof draftInput>) {
  if (!may(ctx.staff.roles, DRAFT_PERMISSION[input.type]))
    throw new CaseConflictError("case.roleMayNot", `${ctx.staff.username} may not draft a ${input.type}`);
  return transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, DRAFT_STATUS[input.type]);
    const existing = await tx.documentDraft.findUnique({
      where: { caseId_type: { caseId: input.caseId, type: input.type } },
    });
    if (existing && (existing.status === DraftStatus.SUBMITTED || existing.status === DraftStatus.APPROVED))
      throw new CaseConflictError("case.draftLocked", "the draft is with the approver and cannot be changed");
    if (input.type === LetterType.BERITA_ACARA && input.submit) await assertMeetingHeld(tx, input.caseId);
    const data = {
      content: sealJson(c.key, input.content),
      status: input.submit ? DraftStatus.SUBMITTED : DraftStatus.DRAFT,
      submittedAt: input.submit ? ctx.now : null,
      draftedById: ctx.staff.id,
    };
    const meeting =
      input.type === LetterType.BERITA_ACARA
        ? await tx.meeting.findFirst({
            where: { caseId: input.caseId },
            orderBy: { startsAt: "desc" },
            select: { id: true },
          })
        : null;
    await tx.documentDraft.upsert({
      where: { caseId_type: { caseId: input.caseId, type: input.type } },
      create: { caseId: input.caseId, type: input.type, meetingId: meeting?.id ?? null, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await recordCaseEvent(tx, {
      ...staffEvent(ctx, input.caseId),
      kind: input.submit ? TimelineKind.DRAFT_SUBMITTED : TimelineKind.NOTE,
      action: input.submit ? "draft.submit" : "draft.save",
      detail: { type: input.type },
    });
    if (input.submit)
      await notifyDraft(tx, {
        caseId: input.caseId,
        event: "submitted",
        type: input.type,
        drafters: rolesFor(DRAFT_PERMISSION[input.type]),
        draftedById: ctx.staff.id,
        actorId: ctx.staff.id,
        now: ctx.now,
      });
  });
}

export const approvalInput = z.discriminatedUnion("approve", [
  z.object({
    caseId: z.uuid(),
    type: z.enum([LetterType.BERITA_ACARA, LetterType.TANGGAPAN]),
    approve: z.literal(true),
  }),
  z.object({
    caseId: z.uuid(),
    type: z.enum([LetterType.BERITA_ACARA, LetterType.TANGGAPAN]),
    approve: z.literal(false),
    note: text(2_000),
  }),
]);

/**
 * The Kepala Dinas approves (signs) or returns a submitted draft. Approving the Berita Acara
 * issues it and completes step 5 (→ MINUTED). An approved Tanggapan waits for the Sekretariat
 * to send it, and is issued then, with this approver's signature: only the way it is sent
 * decides whether it may carry the reporter's name.
 */
export async function decideDraft(db: Db, ctx: StaffContext, input: z.infer<typeof approvalInput>) {
  if (!may(ctx.staff.roles, "decideDraft"))
    throw new CaseConflictError("case.roleMayNot", `${ctx.staff.username} may not approve documents`);
  const letterId = await transaction(db, async (tx): Promise<string | null> => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, DRAFT_STATUS[input.type]);
    if (input.approve && input.type === LetterType.BERITA_ACARA) await assertMeetingHeld(tx, input.caseId);
    const data = input.approve
      ? { status: DraftStatus.APPROVED, approvedById: ctx.staff.id, approvedAt: ctx.now }
      : {
          status: DraftStatus.RETURNED,
          returnedById: ctx.staff.id,
          returnedAt: ctx.now,
          returnNote: sealText(c.key, input.note),
        };
    const { count } = await tx.documentDraft.updateMany({
      where: { caseId: input.caseId, type: input.type, status: DraftStatus.SUBMITTED },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw new CaseConflictError("case.noDraftToDecide", "there is no submitted draft to decide on");
    const issuesMinutes = input.approve && input.type === LetterType.BERITA_ACARA;
    let letterId: string | null = null;
    if (issuesMinutes) {
      // Approval is the signature: the minutes are issued now, with the Kepala Dinas's signature block
      // (the letter's counter before the audit chain's lock, as in every action).
      const letter = await issueStepLetter(tx, ctx, input.caseId, c.key, (signer) =>
        beritaAcaraLetter(tx, c.key, input.caseId, signer),
      );
      await tx.documentDraft.update({
        where: { caseId_type: { caseId: input.caseId, type: input.type } },
        data: { letterId: letter.id },
      });
      letterId = letter.id;
    }
    await recordCaseEvent(tx, {
      ...staffEvent(ctx, input.caseId),
      kind: input.approve ? TimelineKind.DRAFT_APPROVED : TimelineKind.DRAFT_RETURNED,
      action: input.approve ? "draft.approve" : "draft.return",
      detail: { type: input.type },
    });
    const { draftedById } = await tx.documentDraft.findUniqueOrThrow({
      where: { caseId_type: { caseId: input.caseId, type: input.type } },
      select: { draftedById: true },
    });
    await notifyDraft(tx, {
      caseId: input.caseId,
      event: input.approve ? "approved" : "returned",
      type: input.type,
      drafters: rolesFor(DRAFT_PERMISSION[input.type]),
      draftedById,
      actorId: ctx.staff.id,
      now: ctx.now,
    });
    if (issuesMinutes) await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.MINUTED);
    return letterId;
  });
  await renderAfterCommit(db, ctx.masterKey, [letterId]);
}

export const sendInput = z.object({ caseId: z.uuid(), method: z.enum(DeliveryMethod) });

/**
 * Step 6 (Sekretariat): send the approved Tanggapan. The letter is issued now, signed by the
 * Kepala Dinas who approved it, and gets the next number in the Buku Agenda Tanggapan.
 */
export async function sendResponse(db: Db, ctx: StaffContext, input: z.infer<typeof sendInput>) {
  const done = await transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.MINUTED);
    const hasCode =
      (await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { trackingHash: true } }))
        .trackingHash !== null;
    if (input.method === DeliveryMethod.PORTAL && !hasCode)
      throw new CaseConflictError(
        "case.noTrackingCode",
        "this reporter has no tracking code; choose another delivery method",
      );
    const { count } = await tx.documentDraft.updateMany({
      where: { caseId: input.caseId, type: LetterType.TANGGAPAN, status: DraftStatus.APPROVED, sentAt: null },
      data: { sentAt: ctx.now, sentById: ctx.staff.id, deliveryMethod: input.method },
    });
    if (count !== 1) throw new CaseConflictError("case.notApproved", "the response is not approved yet");
    const { approvedById } = await tx.documentDraft.findUniqueOrThrow({
      where: { caseId_type: { caseId: input.caseId, type: LetterType.TANGGAPAN } },
      select: { approvedById: true },
    });
    if (!approvedById) throw new CaseConflictError("case.notApproved", "the response is not approved yet");
    const content = await tanggapanLetter(tx, c.key, input.caseId, await signerOf(tx, approvedById), input.method);
    const prepared = await prepareLetter(tx, {
      caseId: input.caseId,
      key: c.key,
      content,
      signerId: approvedById,
      actor: { id: ctx.staff.id, label: ctx.staff.username },
      now: ctx.now,
    });
    // Counters last, agenda book before letter as in step 2, then the audit chain's lock.
    const at = await nextAgendaNumber(tx, ctx, AgendaBook.TANGGAPAN, prepared.timeZone);
    const letter = await issuePrepared(tx, prepared);
    await tx.documentDraft.update({
      where: { caseId_type: { caseId: input.caseId, type: LetterType.TANGGAPAN } },
      data: { letterId: letter.id },
    });
    const number = await agendaEntry(tx, ctx, c, input.caseId, AgendaBook.TANGGAPAN, null, at, letter);
    await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.RESPONDED);
    return { agendaNumber: number, letterId: letter.id };
  });
  await renderAfterCommit(db, ctx.masterKey, [done.letterId]);
  return { agendaNumber: done.agendaNumber };
}

// --- Steps 7 and 8 -----------------------------------------------------------------

export const deliveryInput = caseNoteInput;

/** Step 7 for a reporter who is not on the portal: the Sekretariat records the delivery. */
export async function recordDelivery(db: Db, ctx: StaffContext, input: z.infer<typeof deliveryInput>) {
  return moveWithNote(db, ctx, input, CaseStatus.RESPONDED, CaseStatus.RESPONSE_RECEIVED);
}

export const archiveInput = z.object({ caseId: z.uuid(), note: z.string().trim().max(2_000).default("") });

/**
 * Step 8 (Sekretariat): archive after the response was received; or an escalated case after
 * forwarding; or a responded case whose reporter never acknowledged once the wait is over.
 */
export async function archiveCase(db: Db, ctx: StaffContext, input: z.infer<typeof archiveInput>) {
  const dossier = await transaction(db, async (tx) => {
    const c = await current(tx, ctx, input.caseId);
    expectStatus(c.status, CaseStatus.RESPONSE_RECEIVED, CaseStatus.ESCALATED, CaseStatus.RESPONDED);
    let archiveReason: ArchiveReason = ArchiveReason.COMPLETED;
    if (c.status === CaseStatus.ESCALATED) archiveReason = ArchiveReason.ESCALATED;
    if (c.status === CaseStatus.RESPONDED) {
      const { autoArchiveAt } = await tx.case.findUniqueOrThrow({
        where: { id: input.caseId },
        select: { autoArchiveAt: true },
      });
      if (!autoArchiveAt || autoArchiveAt > ctx.now)
        throw new CaseConflictError(
          "case.tooEarlyToArchive",
          "the reporter still has time to acknowledge the response",
        );
      archiveReason = ArchiveReason.NOT_ACKNOWLEDGED;
    }
    const needsReason = archiveReason !== ArchiveReason.COMPLETED;
    const note = input.note || (needsReason ? archiveReason : "");
    await moveCase(tx, ctx, input.caseId, c.status, CaseStatus.ARCHIVED, {
      reason: note ? sealText(c.key, note) : undefined,
      data: { archiveReason },
    });
    // Step 8's document: the dossier as archived, stored with the case (rendered after the commit).
    return issueDossier(tx, c.key, input.caseId, { id: ctx.staff.id, label: ctx.staff.username }, ctx.now);
  });
  await renderAfterCommit(db, ctx.masterKey, [dossier.id]);
}

/** The text of a Tanggapan draft, for the staff case page. */
export function readDraftContent<T>(key: Buffer, box: Uint8Array): T {
  return openJson<T>(key, box);
}
