/**
 * A report from the public portal (step 1): creates the case with a fresh tracking code
 * and returns the receipt. Idempotent on the form's key: a double submit returns the
 * first receipt (sealed under a key derived from the form's own key, so the stored row
 * reveals no tracking code) instead of creating a second case.
 */
import { Channel } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { createCase } from "../cases/create-case.ts";
import type { ReportInput } from "../cases/report-content.ts";
import { hmacSha256, open, seal, sha256 } from "../crypto.ts";
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

const SCOPE = "report.submit";
const KEEP_MS = 24 * 3_600_000;

/** Form idempotency keys: random, URL-safe (the form sends 32 bytes in base64url). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

const keyHash = (raw: string) => sha256(`${SCOPE}:${raw}`);
const receiptKey = (raw: string) => hmacSha256(Buffer.from(raw), "lentera:receipt:v1");

export async function submitPortalReport(
  db: Db,
  secrets: { masterKey: Buffer; trackingKey: Buffer },
  input: { report: ReportInput; files: readonly SanitizedFile[]; idempotencyKey: string },
  now = new Date(),
): Promise<Receipt> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw new Error("malformed idempotency key");
  const earlier = await replay(db, input.idempotencyKey);
  if (earlier) return earlier;

  const trackingCode = generateTrackingCode();
  try {
    return await db.$transaction(async (tx) => {
      // Claimed first: a concurrent duplicate blocks here until this transaction ends.
      await tx.idempotencyKey.create({ data: { keyHash: keyHash(input.idempotencyKey), scope: SCOPE, createdAt: now, expiresAt: new Date(now.getTime() + KEEP_MS) } });
      const created = await createCase(
        tx,
        secrets.masterKey,
        { report: input.report, channel: Channel.PORTAL, receivedAt: now, files: input.files, trackingHash: trackingHash(secrets.trackingKey, normaliseTrackingCode(trackingCode)!), createdBy: null },
        now,
      );
      const receipt: Receipt = {
        reference: created.reference,
        trackingCode,
        submittedAt: created.submittedAt.toISOString(),
        recordDueAt: created.recordDueAt.toISOString(),
        responseDueAt: created.responseDueAt.toISOString(),
        files: input.files.map((f) => ({ name: f.fileName, warning: f.warning })),
      };
      await tx.idempotencyKey.update({
        where: { keyHash: keyHash(input.idempotencyKey) },
        data: { caseId: created.id, sealedResponse: seal(receiptKey(input.idempotencyKey), JSON.stringify(receipt)) },
      });
      return receipt;
    });
  } catch (error) {
    // Lost the race to a concurrent duplicate: its receipt is the answer.
    const winner = await replay(db, input.idempotencyKey);
    if (winner) return winner;
    throw error;
  }
}

async function replay(db: Db, raw: string): Promise<Receipt | null> {
  const row = await db.idempotencyKey.findUnique({ where: { keyHash: keyHash(raw) }, select: { sealedResponse: true } });
  if (!row?.sealedResponse) return null;
  return JSON.parse(open(receiptKey(raw), row.sealedResponse).toString("utf8")) as Receipt;
}
