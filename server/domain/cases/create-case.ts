/**
 * Step 1: a report enters Lentera, from the portal or entered by the
 * Sekretariat for an offline reporter. Everything the reporter wrote or sent is sealed
 * under a fresh per-case data key before it reaches the database: prepareCase does the
 * encryption and hashing (a photo of a megabyte or more) before the transaction, so the
 * transaction (createCase) only reads the settings, takes the reference number last, and
 * inserts rows.
 */
import { randomBytes } from "node:crypto";
import { ActorKind, Channel } from "../../generated/prisma/enums.ts";
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
import { insertCaseRows } from "./insert-case.ts";

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

/** A report sealed and hashed, ready to be inserted: made before the transaction. */
export interface PreparedCase {
  input: NewCase;
  wrappedKey: Bytes;
  /** Label of the master key that wrapped the data key (key rotation skips rows already under the new key). */
  keyVersion: number;
  payload: Bytes;
  reporterIdentity: Bytes | null;
  attachments: ReturnType<typeof attachmentRow>[];
}

/** The CPU work of a new case, outside any transaction: a fresh data key, the report and every file sealed and hashed. */
export function prepareCase(masterKey: Buffer, input: NewCase, now: Date): PreparedCase {
  const dataKey = newDataKey();
  const actorKind = input.createdBy ? ActorKind.STAFF : ActorKind.REPORTER;
  return {
    input,
    wrappedKey: wrapDataKey(masterKey, dataKey),
    keyVersion: masterKeyVersion(masterKey),
    payload: sealJson(dataKey, input.report.content),
    reporterIdentity: input.report.identity ? sealJson(dataKey, input.report.identity) : null,
    attachments: input.files.map((f) => attachmentRow(dataKey, f, actorKind, input.createdBy?.id ?? null, now)),
  };
}

/** Inserts a prepared case; the yearly reference counter is taken after the reads, just before the inserts. */
export async function createCase(tx: Tx, prepared: PreparedCase, now: Date): Promise<CreatedCase> {
  const { input } = prepared;
  const [cal, standards, commitments, referencePattern] = await Promise.all([
    loadOfficeCalendar(tx),
    getSetting(tx, "sla.standards"),
    getSetting(tx, "sla.commitments"),
    getSetting(tx, "numbering.caseReference"),
  ]);
  const year = zonedParts(now, cal.timeZone).year;
  const { report } = input;
  const actorKind = input.createdBy ? ActorKind.STAFF : ActorKind.REPORTER;
  const step2Minutes = standardMinutes(standards, 2);
  const dueAt = addOfficeMinutes(now, step2Minutes, cal);
  const recordDueAt = addOfficeDays(input.receivedAt, commitments.recordOfficeDays, cal);
  const responseDueAt = addOfficeDays(input.receivedAt, commitments.responseOfficeDays, cal);
  // The rows (a megabyte of photos, perhaps) go in under a provisional number no one else can
  // see, then the yearly counter is taken and the real reference set: the counter's row lock is
  // held for the update and the audit entry only, not while the attachments are written.
  const provisional = randomBytes(16).toString("hex");
  const caseId = await insertCaseRows(tx, {
    reference: `provisional-${provisional}`,
    year: 0,
    sequence: -(randomBytes(4).readUInt32BE(0) >>> 1) - 1,
    input,
    wrappedKey: prepared.wrappedKey,
    keyVersion: prepared.keyVersion,
    payload: prepared.payload,
    reporterIdentity: prepared.reporterIdentity,
    actorKind,
    dueAt,
    recordDueAt,
    responseDueAt,
    step2Minutes,
    attachments: prepared.attachments,
    now,
  });
  const sequence = await nextSequence(tx, "CASE", year);
  const reference = formatNumber(referencePattern, { seq: sequence, year });
  await tx.case.update({ where: { id: caseId }, data: { reference, year, sequence }, select: { id: true } });

  await appendAudit(tx, {
    actorId: input.createdBy?.id,
    actorLabel: input.createdBy?.username ?? "reporter",
    action: "case.submit",
    caseId,
    detail: { channel: input.channel, files: input.files.length },
    at: now,
  });
  await notifyNewReport(tx, {
    caseId,
    reference,
    involvesLeadership: report.involvesLeadership,
    enteredBy: input.createdBy?.id ?? null,
    dueAt,
    now,
  });
  return { id: caseId, reference, submittedAt: now, recordDueAt, responseDueAt };
}

/** An attachment row: the sanitised bytes and the file name sealed under the case key. */
export function attachmentRow(
  dataKey: Buffer,
  f: SanitizedFile,
  authorKind: ActorKind,
  staffUserId: string | null,
  now: Date,
) {
  return {
    authorKind,
    staffUserId,
    content: seal(dataKey, f.bytes),
    fileName: seal(dataKey, f.fileName),
    declaredMimeType: f.mime,
    mimeType: f.mime,
    detectedKind: f.kind,
    size: f.bytes.length,
    sha256: f.sha256 ? Buffer.from(f.sha256) : sha256(f.bytes),
    strippedMetadata: f.strippedMetadata,
    warning: f.warning,
    createdAt: now,
  };
}
