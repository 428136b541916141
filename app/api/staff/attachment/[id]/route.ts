import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { attachmentResponse } from "@/server/http/staff/attachment-response.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** A case file for staff who may see the case; always a download (server/http/staff/attachment-response.ts). */
async function answerGET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  return attachmentResponse(db, await workingStaff(db), id);
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
