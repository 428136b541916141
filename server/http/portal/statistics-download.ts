/**
 * GET /statistik/data.csv and /statistik/data.json?tahun=2026&locale=en: the public
 * statistics as open data. Public and anonymous like the page (no audit entry, nothing about
 * the reader is kept); the figures come from the same one-minute cache as the page.
 */
import type { Db } from "../../db.ts";
import { statisticsCsv, statisticsJson } from "../../domain/statistics/open-data.ts";
import { publicStatistics, yearInput } from "../../domain/statistics/public-statistics.ts";
import { zonedParts } from "../../domain/office-time.ts";
import { downloadHeaders, refusal } from "../download-headers.ts";
import { statisticsLabels } from "../statistics-labels.ts";
import { loadOfficeFacts } from "../../domain/office-facts.ts";

export async function statisticsDownload(
  db: Db,
  format: "csv" | "json",
  query: URLSearchParams,
  now = new Date(),
): Promise<Response> {
  const rawYear = query.get("tahun");
  const office = await loadOfficeFacts(db);
  const year = rawYear === null ? zonedParts(now, office.timeZone).year : yearInput.safeParse(rawYear);
  if (typeof year !== "number" && !year.success) return refusal(400, "Tahun tidak valid.");
  const y = typeof year === "number" ? year : year.data;
  const locale = query.get("locale") === "en" ? "en" : "id";
  const stats = await publicStatistics(db, y);
  const labels = statisticsLabels(locale, y, office.name);
  const name = `statistik-wbs-${y}${locale === "id" ? "" : "-en"}.${format}`;
  const headers = {
    ...downloadHeaders(name, format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", {
      asciiOnly: true,
    }),
    "Cache-Control": "public, max-age=60",
  };
  const body = format === "csv" ? statisticsCsv(stats, labels) : JSON.stringify(statisticsJson(stats, labels), null, 2);
  return new Response(body, { headers });
}
