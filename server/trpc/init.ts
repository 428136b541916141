import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { may, type Permission } from "../domain/policy/policy.ts";
import { currentEnrolment } from "../auth/staff-session.ts";
import { isBusyError } from "../domain/transaction.ts";
import { publicTrpcMessage } from "../security/internal-errors.ts";
import { unavailableTrpcError } from "../db-outage/trpc-unavailable.ts";
import type { Context } from "./context.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Field errors for forms; never the stack or internal messages of server errors.
    const fieldErrors = error.cause instanceof z.ZodError ? z.flattenError(error.cause).fieldErrors : null;
    return { ...shape, message: publicTrpcMessage(error), data: { ...shape.data, stack: undefined, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Said when the database stayed too busy (a rolled-back transaction): nothing was saved, the same call may be sent again. */
export const BUSY_MESSAGE = "Sistem sedang sibuk; tidak ada yang tersimpan. Silakan ulangi sebentar lagi.";

/**
 * Every procedure: a database outage, wherever it struck (the session check included), is one
 * typed SERVICE_UNAVAILABLE (503), never a sign-out or an internal error; a transaction that
 * failed for time or a lock conflict is a 429 refusal, not an internal error.
 */
const procedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const unavailable = unavailableTrpcError(result.error);
    if (unavailable) throw unavailable;
    if (result.error.code === "INTERNAL_SERVER_ERROR" && isBusyError(result.error.cause)) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: BUSY_MESSAGE, cause: result.error.cause });
    }
  }
  return result;
});

export const publicProcedure = procedure;

/** The FORBIDDEN message while an Admin-given password is still unchanged. */
export const PASSWORD_CHANGE_REQUIRED = "password_change_required";

/**
 * A procedure for staff the access policy gives `permission`; the user is reloaded on every call.
 * Until an Admin-given password is changed, only procedures marked `duringPasswordChange` answer.
 */
export function staffProcedure(permission: Permission | readonly Permission[], options: { duringPasswordChange?: boolean } = {}) {
  return procedure.use(async ({ ctx, next }) => {
    const staff = await ctx.staff();
    if (!staff) throw new TRPCError({ code: "UNAUTHORIZED" });
    if (!may(staff.roles, permission)) throw new TRPCError({ code: "FORBIDDEN" });
    if (staff.mustChangePassword && !options.duringPasswordChange) throw new TRPCError({ code: "FORBIDDEN", message: PASSWORD_CHANGE_REQUIRED });
    return next({ ctx: { ...ctx, staff } });
  });
}

/**
 * A procedure for the enrolment session only (password accepted, second factor not yet set up):
 * the one thing such a session can do. Full staff sessions and anonymous callers are refused.
 */
export const enrolmentProcedure = procedure.use(async ({ ctx, next }) => {
  const enrolment = await currentEnrolment(ctx.db);
  if (!enrolment) throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { ...ctx, enrolment } });
});
