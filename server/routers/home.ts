/** The staff home over tRPC: the reader's queue in three figures and its next cases. */
import { queueSummary } from "../domain/cases/queue-summary.ts";
import { router, staffProcedure } from "../trpc/init.ts";

export const homeRouter = router({
  /** Any case role (as the queue itself); the lists apply the reader's case access. */
  queue: staffProcedure("readCases").query(({ ctx }) => queueSummary(ctx.db, ctx.staff)),
});
