/**
 * GET /api/staff/statistics?from=&to=&locale=: the office dashboard of a period as CSV, for
 * the dashboard's roles only. Unsuppressed figures, so every download is audited and never
 * cached.
 */
import type { Db } from "../../db.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { appendAudit } from "../../domain/audit.ts";
import { OFFICE_STATISTICS_ROLES, officePeriodInput, officeStatistics, officeStatisticsCsv } from "../../domain/statistics/office-statistics.ts";
import { officeCsvLabels } from "../statistics-labels.ts";
import { downloadHeaders, refusal } from "../download-headers.ts";
import { staffContextOf } from "./staff-context.ts";

export async function officeStatisticsCsvResponse(db: Db, staff: StaffPrincipal | null, query: { from?: string | null; to?: string | null; locale?: string | null }, now = new Date()): Promise<Response> {
  if (!staff) return refusal(401, "Silakan masuk terlebih dahulu.");
  if (!staff.roles.some((r) => OFFICE_STATISTICS_ROLES.includes(r))) return refusal(403, "Tidak diizinkan.");
  const parsed = officePeriodInput.safeParse({ from: query.from, to: query.to });
  if (!parsed.success) return refusal(400, "Periode tidak valid.");
  const period = parsed.data;
  const stats = await officeStatistics(db, staff, period);
  const csv = officeStatisticsCsv(stats, officeCsvLabels(query.locale === "en" ? "en" : "id"));
  const ctx = staffContextOf(staff, now);
  await appendAudit(db, { actorId: ctx.staff.id, actorLabel: ctx.staff.username, action: "statistics.export", detail: { from: period.from, to: period.to }, at: now });
  return new Response(csv, { headers: downloadHeaders(`dasbor-wbs-${period.from}-${period.to}.csv`, "text/csv; charset=utf-8", { asciiOnly: true }) });
}
