import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { dossierResponse } from "@/server/staff/dossier-response.ts";

/** The case dossier compiled on demand (server/staff/dossier-response.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const db = await getDb();
  return dossierResponse(db, await workingStaff(db), caseId);
}
