/** The office writes to the reporter through the case's message thread. */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { ActorKind, CaseStatus, TimelineKind } from "../../generated/prisma/enums.ts";
import { recordCaseEvent, staffEvent } from "../case-event.ts";
import { may } from "../policy/policy.ts";
import { sealText } from "../crypto.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import { caseKey } from "./access.ts";
import type { StaffContext } from "./acting.ts";
import { attachmentRow } from "./create-case.ts";
import { insertAttachments } from "./insert-attachments.ts";
import { CaseConflictError } from "./transition.ts";
import { transaction } from "../transaction.ts";

export const staffMessageInput = z.object({ caseId: z.uuid(), body: z.string().trim().min(1).max(5_000) });

export async function sendStaffMessage(
  db: Db,
  ctx: StaffContext,
  input: z.infer<typeof staffMessageInput>,
  files: readonly SanitizedFile[] = [],
) {
  if (!may(ctx.staff.roles, "writeToReporter"))
    throw new CaseConflictError("case.roleMayNot", `${ctx.staff.username} may not write to the reporter`);
  // The files sealed and hashed before the transaction, which checks access again and only writes.
  const key = await caseKey(db, ctx.masterKey, ctx.staff, input.caseId);
  const body = sealText(key, input.body);
  const attachments = files.map((f) => attachmentRow(key, f, ActorKind.STAFF, ctx.staff.id, ctx.now));
  return transaction(db, async (tx) => {
    await caseKey(tx, ctx.masterKey, ctx.staff, input.caseId);
    const c = await tx.case.findUniqueOrThrow({
      where: { id: input.caseId },
      select: { status: true, trackingHash: true },
    });
    if (c.status === CaseStatus.ARCHIVED) throw new CaseConflictError("case.archived", "the case is archived");
    if (!c.trackingHash)
      throw new CaseConflictError("case.noTrackingCode", "this reporter has no tracking code and cannot read messages");
    const message = await tx.message.create({
      data: {
        caseId: input.caseId,
        authorKind: ActorKind.STAFF,
        staffUserId: ctx.staff.id,
        body,
        createdAt: ctx.now,
      },
      select: { id: true },
    });
    await insertAttachments(tx, { caseId: input.caseId, messageId: message.id }, attachments);
    await recordCaseEvent(tx, {
      ...staffEvent(ctx, input.caseId),
      kind: TimelineKind.MESSAGE,
      action: "case.message",
      target: `message:${message.id}`,
    });
  });
}
