import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { may, type Permission } from "../domain/policy/policy.ts";
import { currentEnrolment } from "../auth/staff-session.ts";
import { domainErrorOf, publicTrpcMessage } from "../security/internal-errors.ts";
import { trpcErrorOf } from "./domain-errors.ts";
import type { Context } from "./context.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Field errors for forms and the refusal's reason key for the UI's text; never the stack or
    // internal messages of server errors.
    const fieldErrors = error.cause instanceof z.ZodError ? z.flattenError(error.cause).fieldErrors : null;
    const reason = domainErrorOf(error)?.reason ?? null;
    return {
      ...shape,
      message: publicTrpcMessage(error),
      data: { ...shape.data, stack: undefined, fieldErrors, reason },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: whatever failed (the session check included) is mapped once
 * (server/trpc/domain-errors.ts): a DomainError to its code and reason key, a database outage
 * to one typed SERVICE_UNAVAILABLE (503, never a sign-out), anything else to a generic
 * internal error.
 */
const procedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw trpcErrorOf(result.error);
  return result;
});

export const publicProcedure = procedure;

/** The FORBIDDEN message while an Admin-given password is still unchanged. */
export const PASSWORD_CHANGE_REQUIRED = "password_change_required";

/**
 * A procedure for staff the access policy gives `permission`; the user is reloaded on every call.
 * Until an Admin-given password is changed, only procedures marked `duringPasswordChange` answer.
 */
export function staffProcedure(
  permission: Permission | readonly Permission[],
  options: { duringPasswordChange?: boolean } = {},
) {
  return procedure.use(async ({ ctx, next }) => {
    const staff = await ctx.staff();
    if (!staff) throw new TRPCError({ code: "UNAUTHORIZED" });
    if (!may(staff.roles, permission)) throw new TRPCError({ code: "FORBIDDEN" });
    if (staff.mustChangePassword && !options.duringPasswordChange)
      throw new TRPCError({ code: "FORBIDDEN", message: PASSWORD_CHANGE_REQUIRED });
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
