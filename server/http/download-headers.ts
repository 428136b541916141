/**
 * Headers of a file download: always `attachment` (never rendered inline), never cached,
 * no type sniffing, and a sandbox should a browser render it anyway.
 */

/** An ASCII fallback for old clients: accents dropped, anything unusual replaced by "_". */
export function asciiFileName(name: string, fallback = "lampiran"): string {
  const ascii = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/_+/g, "_")
      .replace(/^[._]+|_+$/g, "");
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1] ?? "";
  const base = ascii(ext ? name.slice(0, -ext.length - 1) : name).slice(0, 100) || fallback;
  return ext ? `${base}.${ext}` : base;
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char. */
export function rfc5987(name: string): string {
  return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** `attachment` with a safe ASCII name and, unless `asciiOnly`, the exact name as filename*. */
export function contentDisposition(
  name: string,
  { fallback, asciiOnly = false }: { fallback?: string; asciiOnly?: boolean } = {},
): string {
  // Control characters and path separators have no place in a file name.
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]+/g, "_").trim() || fallback || "lampiran";
  const ascii = `attachment; filename="${asciiFileName(clean, fallback)}"`;
  return asciiOnly ? ascii : `${ascii}; filename*=${rfc5987(clean)}`;
}

export function downloadHeaders(
  name: string,
  contentType: string,
  options?: Parameters<typeof contentDisposition>[1],
): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(name, options),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}

/** A plain-text refusal that is never cached. */
export const refusal = (status: 400 | 401 | 403 | 404, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Ids in download URLs are UUIDs; anything else is "not found" without a database query. */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A PDF as an attachment that is never cached. */
export function pdfDownload(file: { bytes: Buffer; name: string; mimeType: string }): Response {
  // A view of the bytes, not a copy (a Buffer never sits on a SharedArrayBuffer here).
  return new Response(new Uint8Array(file.bytes.buffer as ArrayBuffer, file.bytes.byteOffset, file.bytes.byteLength), {
    headers: {
      ...downloadHeaders(file.name, file.mimeType, { asciiOnly: true }),
      "Content-Length": String(file.bytes.length),
    },
  });
}
