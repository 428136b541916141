import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { officeStatisticsCsvResponse } from "@/server/http/staff/office-statistics-csv-response.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** The office dashboard of a period as CSV: `?from=2026-01-01&to=2026-06-30&locale=id`. */
async function answerGET(request: Request) {
  const q = new URL(request.url).searchParams;
  const db = await getDb();
  return officeStatisticsCsvResponse(db, await workingStaff(db), {
    from: q.get("from"),
    to: q.get("to"),
    locale: q.get("locale"),
  });
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
