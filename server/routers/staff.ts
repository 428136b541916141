import { router, staffProcedure } from "../trpc/init.ts";

export const staffRouter = router({
  /** Who am I: any active staff member. */
  me: staffProcedure("useAccount", { duringPasswordChange: true }).query(({ ctx }) => ({
    id: ctx.staff.id,
    name: ctx.staff.name,
    position: ctx.staff.position,
    roles: ctx.staff.roles,
    mustChangePassword: ctx.staff.mustChangePassword,
  })),
});
