import { router, staffProcedure } from "../trpc/init.ts";
import { ALL_ROLES } from "../domain/roles.ts";

export const staffRouter = router({
  /** Who am I: any active staff member. */
  me: staffProcedure(ALL_ROLES, { duringPasswordChange: true }).query(({ ctx }) => ({
    id: ctx.staff.id,
    name: ctx.staff.name,
    position: ctx.staff.position,
    roles: ctx.staff.roles,
    mustChangePassword: ctx.staff.mustChangePassword,
  })),
});
