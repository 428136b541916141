import { z } from "zod";
import { getSettings } from "../domain/settings.ts";
import { sampleDataPresent } from "../domain/demo-data.ts";
import { publicStatistics, yearInput } from "../domain/statistics/public-statistics.ts";
import { publicProcedure, router } from "../trpc/init.ts";

export const portalRouter = router({
  /** What the home page publishes: the office's commitments and the SOP standard times. */
  overview: publicProcedure.query(async ({ ctx }) => {
    const settings = await getSettings(ctx.db, ["sla.commitments", "sla.standards"]);
    return { commitments: settings["sla.commitments"], standards: settings["sla.standards"] };
  }),
  /** The transparency statistics of a year, small numbers protected (cached for a minute). */
  statistics: publicProcedure
    .input(z.object({ year: yearInput }))
    .query(({ ctx, input }) => publicStatistics(ctx.db, input.year)),
  /** Whether the sample office year is in this database (the "Data contoh" banner). */
  sampleData: publicProcedure.query(({ ctx }) => sampleDataPresent(ctx.db)),
});
