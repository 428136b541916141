import { getSetting } from "../domain/settings.ts";
import { publicProcedure, router } from "../trpc/init.ts";

export const portalRouter = router({
  /** What the home page publishes: the office's commitments and the SOP standard times. */
  overview: publicProcedure.query(async ({ ctx }) => {
    const [commitments, standards] = await Promise.all([getSetting(ctx.db, "sla.commitments"), getSetting(ctx.db, "sla.standards")]);
    return { commitments, standards };
  }),
});
