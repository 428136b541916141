import { sessionClaims } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { letterResponse } from "@/server/http/staff/letter-response.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** An issued letter for a working staff session that may see its case; always a download (server/http/staff/letter-response.ts). */
async function answerGET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  return letterResponse(db, await sessionClaims(), id);
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
