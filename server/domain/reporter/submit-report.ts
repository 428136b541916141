/**
 * A report from the public portal (step 1): creates the case with a fresh tracking code
 * and returns the receipt. Idempotent on the form's key (../idempotency.ts): a double submit
 * returns the first receipt instead of creating a second case.
 */
import { Channel } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { createCase, prepareCase } from "../cases/create-case.ts";
import type { ReportInput } from "../cases/report-content.ts";
import { once } from "../idempotency.ts";
import { generateTrackingCode, normaliseTrackingCode, trackingHash } from "../tracking-code.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";

export interface Receipt {
  reference: string;
  trackingCode: string;
  submittedAt: string;
  recordDueAt: string;
  responseDueAt: string;
  /** Files kept, and whether their metadata could not be fully removed. */
  files: { name: string; warning: boolean }[];
}

export async function submitPortalReport(
  db: Db,
  secrets: { masterKey: Buffer; trackingKey: Buffer },
  input: { report: ReportInput; files: readonly SanitizedFile[]; idempotencyKey: string },
  now = new Date(),
): Promise<Receipt> {
  const trackingCode = generateTrackingCode();
  // Sealed and hashed before the transaction, which only inserts.
  const prepared = prepareCase(
    secrets.masterKey,
    {
      report: input.report,
      channel: Channel.PORTAL,
      receivedAt: now,
      files: input.files,
      trackingHash: trackingHash(secrets.trackingKey, normaliseTrackingCode(trackingCode)!),
      createdBy: null,
    },
    now,
  );
  return once(db, "report.submit", input.idempotencyKey, now, async (tx) => {
    const created = await createCase(tx, prepared, now);
    const receipt: Receipt = {
      reference: created.reference,
      trackingCode,
      submittedAt: created.submittedAt.toISOString(),
      recordDueAt: created.recordDueAt.toISOString(),
      responseDueAt: created.responseDueAt.toISOString(),
      files: input.files.map((f) => ({ name: f.fileName, warning: f.warning })),
    };
    return { result: receipt, caseId: created.id };
  });
}
