import { cookies } from "next/headers";
import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { ActorKind } from "@/server/generated/prisma/enums.ts";
import { open, unwrapDataKey } from "@/server/domain/crypto.ts";
import { resumeReporterSession } from "@/server/domain/reporter/session.ts";
import { REPORTER_COOKIE } from "@/server/http/portal/request-context.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

const notFound = () => new Response("Tidak ditemukan.", { status: 404, headers: { "Cache-Control": "no-store" } });

/** A file the office sent to the reporter, for the reporter of that case only; always a download. */
async function answerGET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const who = await resumeReporterSession(db, (await cookies()).get(REPORTER_COOKIE)?.value);
  if (!who || !/^[0-9a-f-]{36}$/.test(id)) return notFound();
  const file = await db.attachment.findFirst({
    where: { id, caseId: who.caseId, authorKind: { not: ActorKind.REPORTER } },
    select: { content: true, fileName: true, mimeType: true, case: { select: { wrappedKey: true } } },
  });
  if (!file) return notFound();
  const key = unwrapDataKey(env().secrets.masterKey, file.case.wrappedKey);
  const name = open(key, file.fileName).toString("utf8");
  return new Response(new Uint8Array(open(key, file.content)), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
