/**
 * GET /api/portal/letter/<id>: the reporter's own Tanggapan, for the session of that case only.
 * Any other letter, case, session or id is "not found", never "forbidden": nothing tells a
 * visitor that a letter exists.
 */
import type { Db } from "../../db.ts";
import { reporterLetter } from "../../domain/letters/read.ts";
import { resumeReporterSession } from "../../domain/reporter/session.ts";
import { isUuid, pdfDownload, refusal } from "../download-headers.ts";
import "../../pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

export async function reporterLetterResponse(
  db: Db,
  masterKey: Buffer,
  sessionToken: string | undefined,
  letterId: string,
  now = new Date(),
): Promise<Response> {
  const who = await resumeReporterSession(db, sessionToken, now);
  if (!who || !isUuid(letterId)) return refusal(404, "Tidak ditemukan.");
  const file = await reporterLetter(db, masterKey, who.caseId, letterId, now);
  return file ? pdfDownload(file) : refusal(404, "Tidak ditemukan.");
}
