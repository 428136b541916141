import { sessionClaims } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { letterResponse } from "@/server/staff/letter-response.ts";

/** An issued letter for a working staff session that may see its case; always a download (server/staff/letter-response.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  return letterResponse(db, await sessionClaims(), id);
}
