/**
 * Attachment rows are written through the driver, not Prisma's model API: the sealed file
 * (a megabyte or more) reaches the database as the bytes themselves, where Prisma would turn
 * it into base64 and back on the request thread. Same transaction as the case or message the
 * rows belong to (driverExecute).
 */
import { randomBytes } from "node:crypto";
import { driverExecute } from "../../driver-transaction.ts";
import type { ActorKind } from "../../generated/prisma/enums.ts";
import type { Tx } from "../tx.ts";
import type { attachmentRow } from "./create-case.ts";

export type AttachmentRow = ReturnType<typeof attachmentRow>;

/** A time-ordered UUID (version 7), as Prisma's `uuid(7)` default makes for rows it inserts. */
export function uuidV7(at = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(at, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const INSERT = `INSERT INTO "attachments" ("id", "case_id", "message_id", "author_kind", "staff_user_id", "content",
  "file_name", "declared_mime_type", "mime_type", "detected_kind", "size", "sha256", "stripped_metadata", "warning",
  "created_at")
VALUES ($1, $2, $3, CAST($4 AS "actor_kind"), $5, $6, $7, $8, $9, CAST($10 AS "attachment_kind"), $11, $12, $13, $14, $15)`;

/** Inserts the attachments of one case (and message, when they came with one); returns their ids. */
export async function insertAttachments(
  tx: Tx,
  owner: { caseId: string; messageId?: string | null },
  rows: readonly AttachmentRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    const id = uuidV7(r.createdAt.getTime());
    await driverExecute(tx, INSERT, [
      id,
      owner.caseId,
      owner.messageId ?? null,
      r.authorKind satisfies ActorKind,
      r.staffUserId,
      r.content,
      r.fileName,
      r.declaredMimeType,
      r.mimeType,
      r.detectedKind,
      r.size,
      r.sha256,
      r.strippedMetadata,
      r.warning,
      r.createdAt,
    ]);
    ids.push(id);
  }
  return ids;
}
