/**
 * What a reporter can do on their case: write to the office (with files) and acknowledge
 * the written response (step 7). Each is one transaction with its timeline and audit
 * entries; a reply to a request for information ends the wait (the SLA clock resumes).
 */
import type { Db } from "../../db.ts";
import { ActorKind, CaseStatus, TimelineKind } from "../../generated/prisma/enums.ts";
import { recordCaseEvent } from "../case-event.ts";
import { attachmentRow } from "../cases/create-case.ts";
import { insertAttachments } from "../cases/insert-attachments.ts";
import { CaseConflictError, transitionCase } from "../cases/transition.ts";
import { sealText, sha256, unwrapDataKey } from "../crypto.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import type { ReporterPrincipal } from "./session.ts";
import { IDEMPOTENCY_KEY } from "../idempotency.ts";
import { notifyReporterMessage } from "../notifications/case-events.ts";
import { transaction } from "../transaction.ts";
import { DomainError } from "../errors.ts";

export const MESSAGE_MAX = 5_000;
const REPORTER = { actor: "REPORTER", label: "reporter" } as const;

export class CaseClosedError extends DomainError {
  override name = "CaseClosedError";
  constructor(message = "the case is archived") {
    super("case.archived", message);
  }
}

export async function sendReporterMessage(
  db: Db,
  masterKey: Buffer,
  who: ReporterPrincipal,
  input: { body: string; files: readonly SanitizedFile[]; idempotencyKey: string },
  now = new Date(),
): Promise<void> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw new Error("malformed idempotency key");
  const keyHash = sha256(`message.send:${who.caseId}:${input.idempotencyKey}`);
  if (await db.idempotencyKey.findUnique({ where: { keyHash }, select: { keyHash: true } })) return;
  // The files sealed and hashed before the transaction (the case key never changes), which only writes.
  const key = unwrapDataKey(
    masterKey,
    (await db.case.findUniqueOrThrow({ where: { id: who.caseId }, select: { wrappedKey: true } })).wrappedKey,
  );
  const body = sealText(key, input.body);
  const attachments = input.files.map((f) => attachmentRow(key, f, ActorKind.REPORTER, null, now));

  try {
    // Retried when busy: a rolled-back attempt left no key row.
    await transaction(db, async (tx) => {
      await tx.idempotencyKey.create({
        data: {
          keyHash,
          scope: "message.send",
          caseId: who.caseId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 86_400_000),
        },
      });
      const row = await tx.case.findUniqueOrThrow({ where: { id: who.caseId }, select: { status: true } });
      if (row.status === CaseStatus.ARCHIVED) throw new CaseClosedError("the case is archived");
      const message = await tx.message.create({
        data: {
          caseId: who.caseId,
          authorKind: ActorKind.REPORTER,
          body,
          createdAt: now,
        },
        select: { id: true },
      });
      await insertAttachments(tx, { caseId: who.caseId, messageId: message.id }, attachments);
      await recordCaseEvent(tx, {
        caseId: who.caseId,
        kind: TimelineKind.MESSAGE,
        actor: { kind: ActorKind.REPORTER, id: null, label: "reporter" },
        action: "case.message",
        target: `message:${message.id}`,
        detail: { files: input.files.length },
        at: now,
      });
      if (row.status === CaseStatus.AWAITING_INFO) {
        await transitionCase(tx, {
          caseId: who.caseId,
          from: CaseStatus.AWAITING_INFO,
          to: CaseStatus.RECORDED,
          by: REPORTER,
          now,
        });
      }
      await notifyReporterMessage(tx, who.caseId, now);
    });
  } catch (error) {
    // A concurrent duplicate of the same form post already stored the message.
    if (await db.idempotencyKey.findUnique({ where: { keyHash }, select: { keyHash: true } })) return;
    throw error;
  }
}

/** Step 7: "Saya telah menerima tanggapan". */
export async function acknowledgeResponse(db: Db, who: ReporterPrincipal, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.case.findUniqueOrThrow({ where: { id: who.caseId }, select: { status: true } });
    if (row.status === CaseStatus.RESPONSE_RECEIVED) return; // pressed twice: already done
    if (row.status !== CaseStatus.RESPONDED)
      throw new CaseConflictError("case.noResponseToAcknowledge", "there is no response to acknowledge");
    await transitionCase(tx, {
      caseId: who.caseId,
      from: CaseStatus.RESPONDED,
      to: CaseStatus.RESPONSE_RECEIVED,
      by: REPORTER,
      now,
    });
  });
}
