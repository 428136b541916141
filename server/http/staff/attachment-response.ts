/**
 * GET /api/staff/attachment/<id>: a case file for staff who may see the case, as a
 * download. Everyone else (nobody signed in, Admin, an excluded user, a Kepala Dinas on a
 * leadership case, an unknown id) gets the same 404: the file does not exist for them.
 */
import type { Db } from "../../db.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { staffAttachment } from "../../domain/cases/detail.ts";
import { downloadHeaders, refusal } from "../download-headers.ts";
import { staffContextOf } from "./staff-context.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => refusal(404, "Tidak ditemukan.");

export async function attachmentResponse(
  db: Db,
  staff: StaffPrincipal | null,
  attachmentId: string,
  now = new Date(),
): Promise<Response> {
  if (!staff || !UUID.test(attachmentId)) return notFound();
  const file = await staffAttachment(db, staffContextOf(staff, now), attachmentId);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...downloadHeaders(file.name, file.mimeType), "Content-Length": String(file.bytes.length) },
  });
}
