/**
 * Destroying one archived case's content under the retention rule, in one transaction: every
 * sealed box of the case goes (report, reporter identity, attachments, messages, timeline
 * notes, review, findings, meeting notes, drafts, issued PDFs, agenda subjects, exclusion
 * reasons) and then the case's data key, which nothing needs any more. What stays is what
 * the registers and statistics use: the case row with its reference, category, channel,
 * status and dates, the timeline and step records without text, the agenda entries, and each
 * letter's number, date, signer, size and SHA-256 (the register of what was issued, and the
 * public verification page, keep working; the PDF itself held the report and is destroyed).
 * A record in the audit trail says what was destroyed, when and under which rule.
 */
import { CaseStatus } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import type { Tx } from "../tx.ts";
import { destructionDueAt, type RetentionRule } from "./period.ts";

/** A destroyed sealed column holds zero bytes (the column is required) or null (optional). */
export const DESTROYED = new Uint8Array(0);

/** The kinds of content, as the audit record and the documentation name them. */
export type ContentKind =
  | "report"
  | "reporterIdentity"
  | "attachments"
  | "messages"
  | "timelineNotes"
  | "review"
  | "findings"
  | "meetingNotes"
  | "drafts"
  | "letterPdfs"
  | "agendaSubjects"
  | "exclusionReasons"
  | "reporterSessions"
  | "idempotencyRecords"
  | "dataKey";

export interface DestroyedCase {
  caseId: string;
  reference: string;
  /** How many items of each kind were destroyed (kinds with none are left out). */
  destroyed: Partial<Record<ContentKind, number>>;
}

interface Candidate {
  reference: string;
  archived_at: Date | null;
  has_identity: boolean;
}

/**
 * Destroys the content of `caseId` if it is archived, not yet destroyed and due under `rule`
 * at `now`; null otherwise (a concurrent run, or a case not due, changes nothing). The row
 * lock taken first makes two runs on one case wait for each other, and the second finds it done.
 */
export async function destroyCaseContent(
  tx: Tx,
  caseId: string,
  rule: RetentionRule,
  timeZone: string,
  now: Date,
): Promise<DestroyedCase | null> {
  const [row] = await tx.$queryRaw<Candidate[]>`
    SELECT reference, archived_at, reporter_identity IS NOT NULL AS has_identity FROM cases
    WHERE id = ${caseId} AND status = 'ARCHIVED' AND destroyed_at IS NULL FOR UPDATE`;
  if (!row?.archived_at || destructionDueAt(row.archived_at, rule, timeZone) > now) return null;

  const where = { caseId };
  // A letter issued but never rendered is marked done, so no sweep tries to render it from an input about to go.
  await tx.letter.updateMany({ where: { caseId, renderedAt: null }, data: { renderedAt: now } });
  const count = (r: { count: number }) => r.count;
  const destroyed: Partial<Record<ContentKind, number>> = {
    report: 1,
    reporterIdentity: row.has_identity ? 1 : 0,
    // All of the case's files, those sent with messages too, before the messages.
    attachments: count(await tx.attachment.deleteMany({ where })),
    messages: count(await tx.message.deleteMany({ where })),
    timelineNotes: count(
      await tx.timelineEvent.updateMany({ where: { caseId, note: { not: null } }, data: { note: null } }),
    ),
    review: count(await tx.review.updateMany({ where, data: { content: DESTROYED } })),
    findings: count(await tx.finding.deleteMany({ where })),
    meetingNotes: count(
      await tx.meeting.updateMany({ where, data: { agenda: null, discussion: null, resolution: null } }),
    ),
    drafts: count(await tx.documentDraft.updateMany({ where, data: { content: DESTROYED, returnNote: null } })),
    // The render input quotes the case too.
    letterPdfs: count(await tx.letter.updateMany({ where, data: { content: DESTROYED, source: null } })),
    agendaSubjects: count(
      await tx.agendaEntry.updateMany({ where: { caseId, summary: { not: null } }, data: { summary: null } }),
    ),
    exclusionReasons: count(
      await tx.caseExclusion.updateMany({ where: { caseId, reason: { not: null } }, data: { reason: null } }),
    ),
    reporterSessions: count(await tx.reporterSession.deleteMany({ where })),
    idempotencyRecords: count(await tx.idempotencyKey.deleteMany({ where })),
    dataKey: 1,
  };
  // Last: the report, the identity and the key, with the mark, only once everything else is gone.
  const marked = await tx.case.updateMany({
    where: { id: caseId, status: CaseStatus.ARCHIVED, destroyedAt: null },
    data: { destroyedAt: now, payload: DESTROYED, reporterIdentity: null, wrappedKey: DESTROYED },
  });
  if (marked.count !== 1) throw new Error("case changed while its content was being destroyed");

  const kinds = Object.fromEntries(Object.entries(destroyed).filter(([, n]) => n > 0)) as Partial<
    Record<ContentKind, number>
  >;
  await appendAudit(tx, {
    actorLabel: "system",
    action: "retention.destroy",
    caseId,
    target: `case:${caseId}`,
    detail: {
      reference: row.reference,
      archivedAt: row.archived_at.toISOString(),
      destroyed: kinds,
      rule: { setting: "retention.archive", years: rule.years, months: rule.months },
    },
    at: now,
  });
  return { caseId, reference: row.reference, destroyed: kinds };
}
