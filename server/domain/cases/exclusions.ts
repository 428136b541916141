/**
 * Conflict of interest: Tim Telaah or the Kepala Dinas excludes a staff
 * member from a case; from then on the case does not exist for them.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { TimelineKind } from "../../generated/prisma/enums.ts";
import { recordCaseEvent, staffEvent } from "../case-event.ts";
import { may } from "../policy/policy.ts";
import { sealText } from "../crypto.ts";
import { caseKey } from "./access.ts";
import type { StaffContext } from "./acting.ts";
import { CaseConflictError } from "./transition.ts";

export const excludeInput = z.object({
  caseId: z.uuid(),
  userId: z.uuid(),
  reason: z.string().trim().min(1).max(1_000),
});

export async function excludeStaff(db: Db, ctx: StaffContext, input: z.infer<typeof excludeInput>) {
  if (!may(ctx.staff.roles, "excludeStaff"))
    throw new CaseConflictError("case.roleMayNot", `${ctx.staff.username} may not exclude staff`);
  if (input.userId === ctx.staff.id) throw new CaseConflictError("case.excludeSelf", "ask a colleague to exclude you");
  return db.$transaction(async (tx) => {
    const key = await caseKey(tx, ctx.masterKey, ctx.staff, input.caseId);
    const user = await tx.staffUser.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new CaseConflictError("case.noSuchStaff", "no such staff member");
    await tx.caseExclusion.upsert({
      where: { caseId_userId: { caseId: input.caseId, userId: input.userId } },
      create: {
        caseId: input.caseId,
        userId: input.userId,
        reason: sealText(key, input.reason),
        createdById: ctx.staff.id,
        createdAt: ctx.now,
      },
      update: {},
    });
    await recordCaseEvent(tx, {
      ...staffEvent(ctx, input.caseId),
      kind: TimelineKind.EXCLUSION,
      action: "case.exclude",
      target: `user:${input.userId}`,
    });
  });
}
