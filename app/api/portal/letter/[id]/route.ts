import { cookies } from "next/headers";
import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { reporterLetterResponse } from "@/server/http/portal/letter-response.ts";
import { REPORTER_COOKIE } from "@/server/http/portal/request-context.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** The reporter's own Tanggapan, for the session of that case only (server/http/portal/letter-response.ts). */
async function answerGET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return reporterLetterResponse(
    await getDb(),
    env().secrets.masterKey,
    (await cookies()).get(REPORTER_COOKIE)?.value,
    id,
  );
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
