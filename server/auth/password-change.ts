/**
 * A member of staff changes their own password. Required after Admin created the account or
 * reset its password (`mustChangePassword`): Admin saw that password, so until it is changed the
 * session may do nothing else (server/trpc/init.ts). The change ends every session of the
 * account, this one included: the next sign-in uses the new password.
 */
import { z } from "zod";
import type { Db } from "../db.ts";
import { appendAudit } from "../domain/audit.ts";
import { DomainError } from "../domain/errors.ts";
import { hashPassword, verifyPassword } from "../domain/password.ts";
import { lockStaffRow } from "./second-factor.ts";

export const MIN_PASSWORD_LENGTH = 12;

export const passwordChangeInput = z
  .object({
    current: z.string().min(1).max(200),
    next: z.string().min(MIN_PASSWORD_LENGTH).max(200),
    repeat: z.string().max(200),
  })
  .refine((v) => v.next === v.repeat, { path: ["repeat"], message: "mismatch" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "same" });

export class PasswordChangeError extends DomainError {
  override name = "PasswordChangeError";
  constructor(readonly field: "current" | "next") {
    super(
      `password.${field}`,
      field === "current" ? "the current password is wrong" : "the new password contains the username",
    );
  }
}

export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: z.infer<typeof passwordChangeInput>,
  now = new Date(),
): Promise<void> {
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: { username: true, passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.current))) throw new PasswordChangeError("current");
  if (input.next.toLowerCase().includes(user.username.toLowerCase())) throw new PasswordChangeError("next");
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    await lockStaffRow(tx, userId);
    await tx.staffUser.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actorId: userId,
      actorLabel: user.username,
      action: "auth.password.changed",
      target: `user:${userId}`,
      at: now,
    });
  });
}
