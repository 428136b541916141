/**
 * Where a state-changing request came from, as the browser says it. Sec-Fetch-Site is set by
 * the browser and no page can forge it; only "same-origin" is ours ("same-site" is a sibling
 * host, which may be anyone's). Without it, an Origin naming another host than the one the
 * request was sent to is foreign. A missing Origin, or `Origin: null` (what a no-referrer page's
 * own plain form posts carry in some browsers), says nothing: such posts are judged otherwise.
 */
export type OriginVerdict = "same-origin" | "cross-site" | "unknown";

interface HeaderSource {
  get(name: string): string | null;
}

export function requestOrigin(headers: HeaderSource): OriginVerdict {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site.trim().toLowerCase() === "same-origin" ? "same-origin" : "cross-site";
  const origin = headers.get("origin")?.trim();
  if (!origin || origin === "null") return "unknown";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "cross-site";
  }
  // As Next.js compares for server actions: the proxy's forwarded host, else Host.
  const served = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? "").trim().toLowerCase();
  return served !== "" && originHost === served ? "same-origin" : "cross-site";
}

/** The media type of a Content-Type header, without parameters, in lower case. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}
