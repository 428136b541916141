/** GET /api/staff/dossier/<caseId>: the case dossier compiled now, for staff who may see the case; audited. */
import type { Db } from "../../db.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { dossierForStaff } from "../../domain/letters/dossier-download.ts";
import { isUuid, pdfDownload, refusal } from "../download-headers.ts";
import { staffContextOf } from "./staff-context.ts";
import "../../pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

export async function dossierResponse(
  db: Db,
  staff: StaffPrincipal | null,
  caseId: string,
  now = new Date(),
): Promise<Response> {
  if (!staff || !isUuid(caseId)) return refusal(404, "Tidak ditemukan.");
  const file = await dossierForStaff(db, staffContextOf(staff, now), caseId);
  return file ? pdfDownload(file) : refusal(404, "Tidak ditemukan.");
}
