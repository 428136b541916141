/**
 * GET /api/staff/letter/<id>: an issued letter (or dossier) for staff who may see its case, as
 * a download, audited. Everyone else gets the same 404 as for an unknown id.
 */
import type { Db } from "../db.ts";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import { staffLetter } from "../domain/letters/read.ts";
import { downloadHeaders, isUuid, refusal } from "./download-headers.ts";
import { staffContextOf } from "./staff-context.ts";

export async function letterResponse(db: Db, staff: StaffPrincipal | null, letterId: string, now = new Date()): Promise<Response> {
  if (!staff || !isUuid(letterId)) return refusal(404, "Tidak ditemukan.");
  const file = await staffLetter(db, staffContextOf(staff, now), letterId);
  if (!file) return refusal(404, "Tidak ditemukan.");
  return pdfDownload(file);
}

/** A PDF as an attachment that is never cached. */
export function pdfDownload(file: { bytes: Buffer; name: string; mimeType: string }): Response {
  return new Response(new Uint8Array(file.bytes), { headers: { ...downloadHeaders(file.name, file.mimeType, { asciiOnly: true }), "Content-Length": String(file.bytes.length) } });
}
