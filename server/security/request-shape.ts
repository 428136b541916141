/**
 * Requests refused before any route sees them, so they get a clear page with the security
 * headers instead of a bare framework error: an address whose percent-encoding cannot be
 * decoded (400), and a body declared larger than any form of the site may send (413).
 */

/** The largest body a form may post: as `serverActions.bodySizeLimit` in next.config.mjs (five 10 MB evidence files and the text). */
export const MAX_BODY_BYTES = 60 * 1024 * 1024;

export function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function bodyTooLarge(contentLength: string | null): boolean {
  if (contentLength === null) return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > MAX_BODY_BYTES;
}
