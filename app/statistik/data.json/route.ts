import { getDb } from "@/server/db.ts";
import { statisticsDownload } from "@/server/portal/statistics-download.ts";

/** Open data: the public statistics of `?tahun=` as JSON (labels in `?locale=en` or Indonesian). */
export async function GET(request: Request) {
  return statisticsDownload(await getDb(), "json", new URL(request.url).searchParams);
}
