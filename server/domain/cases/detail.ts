/**
 * The staff case page: the decrypted report, attachments (names only;
 * bytes come through the download route), the thread, the timeline with who did what,
 * each step's time against its SOP standard in office hours, the work products, and what the
 * reader may do now (from the access policy: the page offers exactly that).
 * Every read of case content is written to the audit trail.
 */
import type { Db } from "../../db.ts";
import { appendAudit } from "../audit.ts";
import { open, openJson, openText } from "../crypto.ts";
import { officeMinutesBetween } from "../office-time.ts";
import { caseLetterList } from "../letters/read.ts";
import { loadOfficeCalendar } from "../sla.ts";
import { actionsFor } from "../policy/case-actions.ts";
import { mayCorrect, readsOnly } from "../policy/policy.ts";
import { CaseContentDestroyedError, caseKey } from "./access.ts";
import { proposeMeetingStart } from "./meeting-times.ts";
import type { StaffContext } from "./acting.ts";
import type { ReportContent, ReporterIdentity } from "./report-content.ts";

export async function staffCaseView(db: Db, ctx: StaffContext, caseId: string) {
  // A case destroyed under the retention rule has no key and no content: its page shows what is left.
  const key = await caseKey(db, ctx.masterKey, ctx.staff, caseId).catch((e: unknown) => {
    if (e instanceof CaseContentDestroyedError) return null;
    throw e;
  });
  const c = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      attachments: {
        select: {
          id: true,
          fileName: true,
          mimeType: true,
          size: true,
          authorKind: true,
          messageId: true,
          warning: true,
          createdAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorKind: true,
          body: true,
          isInfoRequest: true,
          createdAt: true,
          readAt: true,
          staffUser: { select: { name: true } },
        },
      },
      timeline: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          step: true,
          actorKind: true,
          note: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
      stepRecords: { orderBy: { step: "asc" } },
      review: true,
      meetings: { orderBy: { startsAt: "asc" }, include: { attendees: true } },
      drafts: true,
      agendaEntries: { select: { book: true, year: true, number: true, entryDate: true } },
      exclusions: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  const [cal, letters] = await Promise.all([loadOfficeCalendar(db), caseLetterList(db, caseId)]);
  await appendAudit(db, {
    actorId: ctx.staff.id,
    actorLabel: ctx.staff.username,
    action: "case.read",
    caseId,
    at: ctx.now,
  });

  const text = (box: Uint8Array | null) => (box && key ? openText(key, box) : null);
  /** Sealed JSON, or `gone` once destroyed (the page then shows the retention notice instead). */
  const json = <T>(box: Uint8Array, gone: T): T => (key ? openJson<T>(key, box) : gone);
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    /** The same number as caseRevision (revision.ts): the page compares the two to know it is current. */
    revision: c.version + c.timeline.length,
    channel: c.channel,
    category: c.category,
    identityMode: c.identityMode,
    involvesLeadership: c.involvesLeadership,
    hasTrackingCode: c.trackingHash !== null,
    receivedAt: c.receivedAt,
    submittedAt: c.submittedAt,
    dueAt: c.dueAt,
    recordDueAt: c.recordDueAt,
    responseDueAt: c.responseDueAt,
    autoArchiveAt: c.autoArchiveAt,
    archiveReason: c.archiveReason,
    escalationReason: c.escalationReason,
    /** When the retention rule destroyed the content; null while it is kept. */
    destroyedAt: c.destroyedAt,
    archivedAt: c.archivedAt,
    report: key ? openJson<ReportContent>(key, c.payload) : null,
    identity: c.reporterIdentity && key ? openJson<ReporterIdentity>(key, c.reporterIdentity) : null,
    // Attachments and messages of a destroyed case are deleted, so `key` is there whenever these run.
    attachments: c.attachments.map((a) => ({
      id: a.id,
      name: open(key!, a.fileName).toString("utf8"),
      mimeType: a.mimeType,
      size: a.size,
      fromReporter: a.authorKind === "REPORTER",
      messageId: a.messageId,
      warning: a.warning,
      createdAt: a.createdAt,
    })),
    messages: c.messages.map((m) => ({
      id: m.id,
      fromReporter: m.authorKind === "REPORTER",
      author: m.staffUser?.name ?? null,
      body: openText(key!, m.body),
      isInfoRequest: m.isInfoRequest,
      createdAt: m.createdAt,
      readAt: m.readAt,
    })),
    timeline: c.timeline.map((e) => ({
      id: e.id,
      kind: e.kind,
      from: e.fromStatus,
      to: e.toStatus,
      step: e.step,
      actorKind: e.actorKind,
      actor: e.actor?.name ?? null,
      note: text(e.note),
      at: e.createdAt,
    })),
    steps: c.stepRecords.map((s) => {
      const running = s.completedAt === null && c.pausedAt === null;
      const minutes =
        s.officeMinutes ??
        Math.max(
          0,
          officeMinutesBetween(s.startedAt, running ? ctx.now : (c.pausedAt ?? ctx.now), cal) - s.pausedOfficeMinutes,
        );
      return {
        step: s.step,
        startedAt: s.startedAt,
        dueAt: s.dueAt,
        completedAt: s.completedAt,
        standardMinutes: s.standardMinutes,
        officeMinutes: minutes,
        withinStandard: s.withinStandard ?? minutes <= s.standardMinutes,
        running,
      };
    }),
    review: c.review
      ? {
          isComplete: c.review.isComplete,
          inScope: c.review.inScope,
          recommendation: c.review.recommendation,
          submittedAt: c.review.submittedAt,
          ...json<{ elements: Record<string, boolean>; summary: string; notes: string; explanation?: string }>(
            c.review.content,
            { elements: {}, summary: "", notes: "" },
          ),
        }
      : null,
    meetings: c.meetings.map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      heldFrom: m.heldFrom,
      endsAt: m.endsAt,
      convenedAt: m.createdAt,
      place: m.place,
      agenda: text(m.agenda),
      discussion: text(m.discussion),
      resolution: text(m.resolution),
      attendees: m.attendees.map((a) => ({
        name: a.name,
        position: a.position,
        organization: a.organization,
        role: a.role,
        staffUserId: a.staffUserId,
      })),
    })),
    drafts: c.drafts.map((d) => ({
      type: d.type,
      status: d.status,
      content: json<Record<string, string>>(d.content, {}),
      returnNote: text(d.returnNote),
      submittedAt: d.submittedAt,
      approvedAt: d.approvedAt,
      sentAt: d.sentAt,
      deliveryMethod: d.deliveryMethod,
    })),
    agenda: c.agendaEntries,
    letters,
    /** A start for the meeting inside office hours, while one is to be convened. */
    meetingProposal: c.status === "REVIEWED" ? proposeMeetingStart(ctx.now, cal) : null,
    excluded: c.exclusions.map((e) => e.user),
    /** The forms the page offers this reader; none once the content is destroyed (nothing is left to act on). */
    actions: key ? actionsFor(ctx.staff, { ...c, hasTrackingCode: c.trackingHash !== null }, ctx.now) : [],
    /** The issued letters this reader may replace with a correction. */
    correctable: key ? letters.filter((l) => !l.replaced && mayCorrect(l.type, ctx.staff.roles)).map((l) => l.id) : [],
    /** The reader only reads cases (never acts on one): the page says so instead of "nothing to do now". */
    readOnly: readsOnly(ctx.staff.roles),
  };
}

export type StaffCaseView = Awaited<ReturnType<typeof staffCaseView>>;

/** One attachment's bytes for download, audited; "not found" outside the user's cases. */
export async function staffAttachment(db: Db, ctx: StaffContext, attachmentId: string) {
  const a = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { caseId: true, content: true, fileName: true, mimeType: true },
  });
  if (!a) return null;
  const key = await caseKey(db, ctx.masterKey, ctx.staff, a.caseId).catch(() => null);
  if (!key) return null;
  await appendAudit(db, {
    actorId: ctx.staff.id,
    actorLabel: ctx.staff.username,
    action: "attachment.download",
    caseId: a.caseId,
    target: `attachment:${attachmentId}`,
    at: ctx.now,
  });
  return { bytes: open(key, a.content), name: open(key, a.fileName).toString("utf8"), mimeType: a.mimeType };
}
