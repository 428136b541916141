import { getDb } from "@/server/db.ts";
import { statisticsDownload } from "@/server/http/portal/statistics-download.ts";
import { answeringOutage } from "@/server/db-outage/unavailable-page.ts";

/** Open data: the public statistics of `?tahun=` as JSON (labels in `?locale=en` or Indonesian). */
async function answerGET(request: Request) {
  return statisticsDownload(await getDb(), "json", new URL(request.url).searchParams);
}

// A database outage answers 503 with Retry-After, not a 500.
export const GET = answeringOutage(answerGET);
