/**
 * GET /api/staff/statistics?from=&to=&locale=: the office dashboard of a period as CSV, for
 * the holders of `readOfficeStatistics` only. Unsuppressed figures, so every download is audited and never
 * cached.
 */
import { appendAudit } from "../../domain/audit.ts";
import { officePeriodInput, officeStatistics, officeStatisticsCsv } from "../../domain/statistics/office-statistics.ts";
import { officeCsvLabels } from "../statistics-labels.ts";
import { downloadHeaders, refusal } from "../download-headers.ts";
import { staffContextOf } from "./staff-context.ts";
import { staffRoute } from "./staff-route.ts";

export const officeStatisticsCsvResponse = staffRoute(
  "readOfficeStatistics",
  async (
    db,
    staff,
    query: { from?: string | null; to?: string | null; locale?: string | null },
    now: Date = new Date(),
  ) => {
    const parsed = officePeriodInput.safeParse({ from: query.from, to: query.to });
    if (!parsed.success) return refusal(400, "Periode tidak valid.");
    const period = parsed.data;
    const stats = await officeStatistics(db, staff, period);
    const csv = officeStatisticsCsv(stats, officeCsvLabels(query.locale === "en" ? "en" : "id"));
    const ctx = staffContextOf(staff, now);
    await appendAudit(db, {
      actorId: ctx.staff.id,
      actorLabel: ctx.staff.username,
      action: "statistics.export",
      detail: { from: period.from, to: period.to },
      at: now,
    });
    return new Response(csv, {
      headers: downloadHeaders(`dasbor-wbs-${period.from}-${period.to}.csv`, "text/csv; charset=utf-8", {
        asciiOnly: true,
      }),
    });
  },
);
