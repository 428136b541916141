/**
 * The gate in front of every tRPC procedure. A mutation is a POST with a JSON body (what the
 * staff client sends; no procedure takes a form body): an HTML form can only send urlencoded,
 * multipart or text bodies, so requiring application/json shuts plain cross-site forms out, and
 * the browser's Sec-Fetch-Site or Origin must say the post came from this site. A post that
 * says nothing of its origin is refused too: every browser the staff use sends one of them.
 * Queries change nothing, but a foreign page still has no business calling them.
 */
import { mediaType, requestOrigin } from "./request-origin.ts";

const refuse = (status: 403 | 405 | 415, message: string) =>
  Response.json(
    {
      error: {
        message,
        code: status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : status === 405 ? "METHOD_NOT_SUPPORTED" : "FORBIDDEN",
      },
    },
    { status, headers: { "Cache-Control": "no-store" } },
  );

export function trpcRequestRefusal(req: Request): Response | null {
  const verdict = requestOrigin(req.headers);
  if (req.method === "GET" || req.method === "HEAD")
    return verdict === "cross-site" ? refuse(403, "Permintaan dari situs lain ditolak.") : null;
  if (req.method !== "POST") return refuse(405, "Metode tidak didukung.");
  if (mediaType(req.headers.get("content-type")) !== "application/json")
    return refuse(415, "Permintaan harus berupa JSON.");
  if (verdict !== "same-origin") return refuse(403, "Permintaan dari situs lain ditolak.");
  return null;
}
