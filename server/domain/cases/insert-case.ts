/**
 * The rows of a new case in one statement through the driver: the case, its first step record
 * (step 2's clock), the timeline's step-1 event and the attachments. Prisma's nested create sent
 * these as four statements plus a read of the case it had just written, and each statement is a
 * round trip through the embedded database's protocol on the request thread; the attachments'
 * bytes go as they are (insert-attachments.ts). One statement: the foreign keys of the step,
 * event and attachment rows are checked at its end, when the case row is there.
 */
import { driverExecute, type DriverArg } from "../../driver-transaction.ts";
import { type ActorKind, CaseStatus, TimelineKind } from "../../generated/prisma/enums.ts";
import type { Bytes } from "../crypto.ts";
import type { Tx } from "../tx.ts";
import { attachmentsInsert, uuidV7, type AttachmentRow } from "./insert-attachments.ts";
import type { NewCase } from "./create-case.ts";

export interface CaseRows {
  /** Unique until the real reference is set (create-case.ts takes the yearly number last). */
  reference: string;
  year: number;
  sequence: number;
  input: NewCase;
  wrappedKey: Bytes;
  keyVersion: number;
  payload: Bytes;
  reporterIdentity: Bytes | null;
  actorKind: ActorKind;
  dueAt: Date;
  recordDueAt: Date;
  responseDueAt: Date;
  step2Minutes: number;
  attachments: readonly AttachmentRow[];
  now: Date;
}

/** Inserts a new case (status SUBMITTED) with its step record, timeline event and attachments; returns its id. */
export async function insertCaseRows(tx: Tx, r: CaseRows): Promise<string> {
  const { input, now } = r;
  const id = uuidV7(now.getTime());
  const args: DriverArg[] = [];
  const p = (value: DriverArg) => `$${args.push(value)}`;
  const status = p(CaseStatus.SUBMITTED);
  const at = p(now);
  const actorId = p(input.createdBy?.id ?? null);
  const caseId = p(id);
  const dueAt = p(r.dueAt);
  const caseRow = `INSERT INTO "cases" ("id", "reference", "year", "sequence", "status", "tracking_hash", "channel",
      "category", "identity_mode", "involves_leadership", "wrapped_key", "key_version", "payload", "reporter_identity",
      "received_at", "submitted_at", "due_at", "record_due_at", "response_due_at", "created_by_id", "updated_at")
    VALUES (${caseId}, ${p(r.reference)}, ${p(r.year)}, ${p(r.sequence)}, CAST(${status} AS "case_status"),
      ${p(input.trackingHash)}, CAST(${p(input.channel)} AS "channel"), CAST(${p(input.report.category)} AS "category"),
      CAST(${p(input.report.identityMode)} AS "identity_mode"), ${p(input.report.involvesLeadership)}, ${p(r.wrappedKey)},
      ${p(r.keyVersion)}, ${p(r.payload)}, ${p(r.reporterIdentity)}, ${p(input.receivedAt)}, ${at}, ${dueAt},
      ${p(r.recordDueAt)}, ${p(r.responseDueAt)}, ${actorId}, ${at})`;
  const stepRow = `INSERT INTO "step_records" ("id", "case_id", "step", "started_at", "due_at", "standard_minutes")
    VALUES (${p(uuidV7(now.getTime()))}, ${caseId}, 2, ${at}, ${dueAt}, ${p(r.step2Minutes)})`;
  const eventRow = `INSERT INTO "timeline_events" ("id", "case_id", "kind", "to_status", "step", "actor_kind", "actor_id",
      "visible_to_reporter", "created_at")
    VALUES (${p(uuidV7(now.getTime()))}, ${caseId}, CAST(${p(TimelineKind.TRANSITION)} AS "timeline_kind"),
      CAST(${status} AS "case_status"), 1, CAST(${p(r.actorKind)} AS "actor_kind"), ${actorId}, true, ${at})`;
  const parts = [caseRow, stepRow, eventRow];
  if (r.attachments.length) parts.push(attachmentsInsert({ caseId: id }, r.attachments, args).sql);
  // Every row but the last in a data-modifying WITH; the last is the statement itself.
  const last = parts.pop()!;
  await driverExecute(tx, `WITH ${parts.map((s, i) => `w${i} AS (${s})`).join(", ")} ${last}`, args);
  return id;
}
