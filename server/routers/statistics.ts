/** The office dashboard over tRPC: Kepala Dinas, Pengawas and Sekretariat only. */
import { OFFICE_STATISTICS_ROLES, officePeriodInput, officeStatistics } from "../domain/statistics/office-statistics.ts";
import { router, staffProcedure } from "../trpc/init.ts";

export const statisticsRouter = router({
  office: staffProcedure(OFFICE_STATISTICS_ROLES)
    .input(officePeriodInput)
    .query(({ ctx, input }) => officeStatistics(ctx.db, ctx.staff, input)),
});
