/**
 * Step 1 (DESIGN.md §2): a report enters Lentera, from the portal or entered by the
 * Sekretariat for an offline reporter. Everything the reporter wrote or sent is sealed
 * under a fresh per-case data key before it reaches the database.
 */
import { ActorKind, CaseStatus, Channel, TimelineKind } from "../../generated/prisma/enums.ts";
import { appendAudit } from "../audit.ts";
import { masterKeyVersion, newDataKey, seal, sealJson, sha256, wrapDataKey, type Bytes } from "../crypto.ts";
import { addOfficeDays, addOfficeMinutes, zonedParts } from "../office-time.ts";
import { formatNumber, nextSequence } from "../sequence.ts";
import { getSetting } from "../settings.ts";
import { loadOfficeCalendar, standardMinutes } from "../sla.ts";
import type { Tx } from "../tx.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import type { ReportInput } from "./report-content.ts";
import { notifyNewReport } from "../notifications/new-report.ts";

export interface NewCase {
  report: ReportInput;
  channel: Channel;
  /** When the office received it (portal: now; offline: as stated by the clerk). */
  receivedAt: Date;
  files: readonly SanitizedFile[];
  /** HMAC of the tracking code; null when an offline reporter wanted none. */
  trackingHash: Bytes | null;
  /** Staff member entering an offline report; null for the portal. */
  createdBy: { id: string; username: string } | null;
}

export interface CreatedCase {
  id: string;
  reference: string;
  submittedAt: Date;
  recordDueAt: Date;
  responseDueAt: Date;
}

export async function createCase(tx: Tx, masterKey: Buffer, input: NewCase, now: Date): Promise<CreatedCase> {
  const [cal, standards, commitments, referencePattern] = await Promise.all([
    loadOfficeCalendar(tx),
    getSetting(tx, "sla.standards"),
    getSetting(tx, "sla.commitments"),
    getSetting(tx, "numbering.caseReference"),
  ]);
  const year = zonedParts(now, cal.timeZone).year;
  const sequence = await nextSequence(tx, "CASE", year);
  const reference = formatNumber(referencePattern, { seq: sequence, year });

  const dataKey = newDataKey();
  const { report } = input;
  const actorKind = input.createdBy ? ActorKind.STAFF : ActorKind.REPORTER;
  const step2Minutes = standardMinutes(standards, 2);
  const dueAt = addOfficeMinutes(now, step2Minutes, cal);
  const recordDueAt = addOfficeDays(input.receivedAt, commitments.recordOfficeDays, cal);
  const responseDueAt = addOfficeDays(input.receivedAt, commitments.responseOfficeDays, cal);

  const created = await tx.case.create({
    data: {
      reference,
      year,
      sequence,
      status: CaseStatus.SUBMITTED,
      trackingHash: input.trackingHash,
      channel: input.channel,
      category: report.category,
      identityMode: report.identityMode,
      involvesLeadership: report.involvesLeadership,
      wrappedKey: wrapDataKey(masterKey, dataKey),
      keyVersion: masterKeyVersion(masterKey),
      payload: sealJson(dataKey, report.content),
      reporterIdentity: report.identity ? sealJson(dataKey, report.identity) : null,
      receivedAt: input.receivedAt,
      submittedAt: now,
      dueAt,
      recordDueAt,
      responseDueAt,
      createdById: input.createdBy?.id ?? null,
      stepRecords: { create: { step: 2, startedAt: now, dueAt, standardMinutes: step2Minutes } },
      timeline: {
        create: {
          kind: TimelineKind.TRANSITION,
          toStatus: CaseStatus.SUBMITTED,
          step: 1,
          actorKind,
          actorId: input.createdBy?.id ?? null,
          visibleToReporter: true,
          createdAt: now,
        },
      },
      attachments: {
        create: input.files.map((f) => attachmentRow(dataKey, f, actorKind, input.createdBy?.id ?? null, now)),
      },
    },
    select: { id: true },
  });

  await appendAudit(tx, {
    actorId: input.createdBy?.id,
    actorLabel: input.createdBy?.username ?? "reporter",
    action: "case.submit",
    caseId: created.id,
    detail: { channel: input.channel, files: input.files.length },
    at: now,
  });
  await notifyNewReport(tx, { caseId: created.id, enteredBy: input.createdBy?.id ?? null, dueAt, now });
  return { id: created.id, reference, submittedAt: now, recordDueAt, responseDueAt };
}

/** An attachment row: the sanitised bytes and the file name sealed under the case key. */
export function attachmentRow(dataKey: Buffer, f: SanitizedFile, authorKind: ActorKind, staffUserId: string | null, now: Date) {
  return {
    authorKind,
    staffUserId,
    content: seal(dataKey, f.bytes),
    fileName: seal(dataKey, f.fileName),
    declaredMimeType: f.mime,
    mimeType: f.mime,
    detectedKind: f.kind,
    size: f.bytes.length,
    sha256: sha256(f.bytes),
    strippedMetadata: f.strippedMetadata,
    warning: f.warning,
    createdAt: now,
  };
}
