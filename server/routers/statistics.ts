/** The office dashboard over tRPC: Kepala Dinas, Pengawas and Sekretariat only. */
import { officePeriodInput, officeStatistics } from "../domain/statistics/office-statistics.ts";
import { router, staffProcedure } from "../trpc/init.ts";

export const statisticsRouter = router({
  office: staffProcedure("readOfficeStatistics")
    .input(officePeriodInput)
    .query(({ ctx, input }) => officeStatistics(ctx.db, ctx.staff, input)),
});
