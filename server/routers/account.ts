import { z } from "zod";
import { env } from "../env.ts";
import { changeOwnPassword, passwordChangeInput } from "../auth/password-change.ts";
import { confirmEnrolment, startEnrolment, unusedBackupCodes } from "../auth/second-factor.ts";
import { enrolmentProcedure, router, staffProcedure } from "../trpc/init.ts";

export const accountRouter = router({
  /** The enrolment session's account (the /staff page sends such a session to /staff/keamanan). */
  pendingEnrolment: enrolmentProcedure.query(({ ctx }) => ({
    username: ctx.enrolment.username,
    name: ctx.enrolment.name,
  })),

  /** The pending TOTP secret for the QR code and manual entry (created once, kept until confirmed). */
  startEnrolment: enrolmentProcedure.mutation(({ ctx }) =>
    startEnrolment(ctx.db, env().secrets.masterKey, ctx.enrolment.id),
  ),

  /** One code from the app confirms the secret; returns the ten backup codes, the only time they are shown. */
  confirmEnrolment: enrolmentProcedure
    .input(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^\d{3} ?\d{3}$/),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      backupCodes: await confirmEnrolment(ctx.db, env().secrets.masterKey, ctx.enrolment, input.code),
    })),

  /** A full session's own second factor: since when, and how many backup codes are left. */
  security: staffProcedure("useAccount", { duringPasswordChange: true }).query(async ({ ctx }) => {
    const user = await ctx.db.staffUser.findUniqueOrThrow({
      where: { id: ctx.staff.id },
      select: { username: true, totpEnrolledAt: true },
    });
    return {
      username: user.username,
      enrolledAt: user.totpEnrolledAt,
      backupCodesLeft: await unusedBackupCodes(ctx.db, ctx.staff.id),
    };
  }),

  /** The member's own new password; ends every session of the account (sign in again). */
  changePassword: staffProcedure("useAccount", { duringPasswordChange: true })
    .input(passwordChangeInput)
    .mutation(async ({ ctx, input }) => {
      await changeOwnPassword(ctx.db, ctx.staff.id, input);
    }),
});
