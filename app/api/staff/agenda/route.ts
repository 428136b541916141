import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { agendaCsvResponse } from "@/server/http/staff/agenda-csv-response.ts";
import { agendaPdfResponse } from "@/server/http/staff/agenda-pdf-response.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** One agenda book as CSV, or as PDF with `format=pdf`: `?book=PERMOHONAN&year=2026&from=2026-01-01&to=2026-03-31&locale=id`. */
async function answerGET(request: Request) {
  const q = new URL(request.url).searchParams;
  const db = await getDb();
  const optional = (name: string) => q.get(name) || undefined;
  const respond = q.get("format") === "pdf" ? agendaPdfResponse : agendaCsvResponse;
  return respond(db, await workingStaff(db), {
    book: q.get("book") ?? "",
    year: Number(q.get("year")),
    from: optional("from"),
    to: optional("to"),
    locale: optional("locale"),
  });
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
