import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { agendaCsvResponse } from "@/server/staff/agenda-csv-response.ts";

/** One agenda book as CSV: `?book=PERMOHONAN&year=2026&from=2026-01-01&to=2026-03-31&locale=id`. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const db = await getDb();
  const optional = (name: string) => q.get(name) || undefined;
  return agendaCsvResponse(db, await workingStaff(db), { book: q.get("book") ?? "", year: Number(q.get("year")), from: optional("from"), to: optional("to"), locale: optional("locale") });
}
