/**
 * Attachment rows are written through the driver, not Prisma's model API: the sealed file
 * (a megabyte or more) reaches the database as the bytes themselves, where Prisma would turn
 * it into base64 and back on the request thread. Same transaction as the case or message the
 * rows belong to (driverExecute).
 */
import { randomBytes } from "node:crypto";
import { driverExecute, type DriverArg } from "../../driver-transaction.ts";
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

const COLUMNS = `"id", "case_id", "message_id", "author_kind", "staff_user_id", "content", "file_name",
  "declared_mime_type", "mime_type", "detected_kind", "size", "sha256", "stripped_metadata", "warning", "created_at"`;

/** The ids of the rows, and one INSERT for all of them whose placeholders start after `args` (which it extends). */
export function attachmentsInsert(
  owner: { caseId: string; messageId?: string | null },
  rows: readonly AttachmentRow[],
  args: DriverArg[],
): { sql: string; ids: string[] } {
  const ids: string[] = [];
  const tuples = rows.map((r) => {
    const id = uuidV7(r.createdAt.getTime());
    ids.push(id);
    const at = args.length;
    args.push(
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
    );
    const p = (n: number) => `$${at + n}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, CAST(${p(4)} AS "actor_kind"), ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)},
      CAST(${p(10)} AS "attachment_kind"), ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)})`;
  });
  return { sql: `INSERT INTO "attachments" (${COLUMNS}) VALUES ${tuples.join(", ")}`, ids };
}

/** Inserts the attachments of one case (and message, when they came with one), one statement; returns their ids. */
export async function insertAttachments(
  tx: Tx,
  owner: { caseId: string; messageId?: string | null },
  rows: readonly AttachmentRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const args: DriverArg[] = [];
  const { sql, ids } = attachmentsInsert(owner, rows, args);
  await driverExecute(tx, sql, args);
  return ids;
}
