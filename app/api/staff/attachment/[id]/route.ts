import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { attachmentResponse } from "@/server/staff/attachment-response.ts";

/** A case file for staff who may see the case; always a download (server/staff/attachment-response.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  return attachmentResponse(db, await workingStaff(db), id);
}
