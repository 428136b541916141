import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "../env.ts";
import { changeOwnPassword, passwordChangeInput, PasswordChangeError } from "../auth/password-change.ts";
import { confirmEnrolment, EnrolmentError, startEnrolment, unusedBackupCodes } from "../auth/second-factor.ts";
import { enrolmentProcedure, router, staffProcedure } from "../trpc/init.ts";

function enrolmentFailure(error: unknown): never {
  if (error instanceof EnrolmentError) {
    throw new TRPCError({ code: error.code === "code_invalid" ? "BAD_REQUEST" : "CONFLICT", message: error.code, cause: error });
  }
  throw error;
}

export const accountRouter = router({
  /** The enrolment session's account (the /staff page sends such a session to /staff/keamanan). */
  pendingEnrolment: enrolmentProcedure.query(({ ctx }) => ({ username: ctx.enrolment.username, name: ctx.enrolment.name })),

  /** The pending TOTP secret for the QR code and manual entry (created once, kept until confirmed). */
  startEnrolment: enrolmentProcedure.mutation(async ({ ctx }) => {
    try {
      return await startEnrolment(ctx.db, env().secrets.masterKey, ctx.enrolment.id);
    } catch (error) {
      enrolmentFailure(error);
    }
  }),

  /** One code from the app confirms the secret; returns the ten backup codes, the only time they are shown. */
  confirmEnrolment: enrolmentProcedure
    .input(z.object({ code: z.string().trim().regex(/^\d{3} ?\d{3}$/) }))
    .mutation(async ({ ctx, input }) => {
      try {
        const backupCodes = await confirmEnrolment(ctx.db, env().secrets.masterKey, ctx.enrolment, input.code);
        return { backupCodes };
      } catch (error) {
        enrolmentFailure(error);
      }
    }),

  /** A full session's own second factor: since when, and how many backup codes are left. */
  security: staffProcedure("useAccount", { duringPasswordChange: true }).query(async ({ ctx }) => {
    const user = await ctx.db.staffUser.findUniqueOrThrow({ where: { id: ctx.staff.id }, select: { username: true, totpEnrolledAt: true } });
    return { username: user.username, enrolledAt: user.totpEnrolledAt, backupCodesLeft: await unusedBackupCodes(ctx.db, ctx.staff.id) };
  }),

  /** The member's own new password; ends every session of the account (sign in again). */
  changePassword: staffProcedure("useAccount", { duringPasswordChange: true })
    .input(passwordChangeInput)
    .mutation(async ({ ctx, input }) => {
      try {
        await changeOwnPassword(ctx.db, ctx.staff.id, input);
      } catch (error) {
        if (error instanceof PasswordChangeError) throw new TRPCError({ code: "BAD_REQUEST", message: error.field, cause: error });
        throw error;
      }
    }),
});
