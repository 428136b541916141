/**
 * GET /api/staff/letter/<id>: an issued letter (or dossier) for staff who may see its case, as
 * a download, audited. Everyone else gets the same 404 as for an unknown id.
 */
import type { Db } from "../../db.ts";
import type { SessionClaims } from "../../auth/staff-session.ts";
import { staffLetter } from "../../domain/letters/read.ts";
import { env } from "../../env.ts";
import { isUuid, pdfDownload, refusal } from "../download-headers.ts";
import "../../pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

/** `claims` of the request's session cookie (sessionClaims); the session itself is checked with the read. */
export async function letterResponse(
  db: Db,
  claims: SessionClaims | null,
  letterId: string,
  now = new Date(),
): Promise<Response> {
  if (!claims || !isUuid(letterId)) return refusal(404, "Tidak ditemukan.");
  const file = await staffLetter(db, claims, letterId, { masterKey: env().secrets.masterKey, now });
  if (!file) return refusal(404, "Tidak ditemukan.");
  return pdfDownload(file);
}
