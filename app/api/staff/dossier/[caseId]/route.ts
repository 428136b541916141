import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { dossierResponse } from "@/server/http/staff/dossier-response.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** The case dossier compiled on demand (server/http/staff/dossier-response.ts). */
async function answerGET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const db = await getDb();
  return dossierResponse(db, await workingStaff(db), caseId);
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
