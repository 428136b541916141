import { staffFrameFacts } from "../domain/staff-frame.ts";
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
  /**
   * The workspace frame's facts for the caller: own unread notifications and the sample-data
   * banner, as notifications.unreadCount and portal.sampleData give them, in one statement.
   */
  frame: staffProcedure("useAccount").query(({ ctx }) => staffFrameFacts(ctx.db, ctx.staff.id)),
});
