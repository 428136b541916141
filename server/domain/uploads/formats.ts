export type UploadKind = "IMAGE" | "PDF" | "TEXT" | "AUDIO" | "OFFICE"; // subset of the Prisma enum AttachmentKind

export interface DetectedType {
  mime: string;
  kind: UploadKind;
  /** Without the dot, e.g. "jpg". */
  ext: string;
}

/** The evidence types a reporter may upload, keyed by MIME type. */
export const JPEG = { mime: "image/jpeg", kind: "IMAGE", ext: "jpg" } as const satisfies DetectedType;
export const PNG = { mime: "image/png", kind: "IMAGE", ext: "png" } as const satisfies DetectedType;
export const WEBP = { mime: "image/webp", kind: "IMAGE", ext: "webp" } as const satisfies DetectedType;
export const PDF = { mime: "application/pdf", kind: "PDF", ext: "pdf" } as const satisfies DetectedType;
export const TEXT = { mime: "text/plain", kind: "TEXT", ext: "txt" } as const satisfies DetectedType;
export const DOCX = {
  mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  kind: "OFFICE",
  ext: "docx",
} as const satisfies DetectedType;
export const XLSX = {
  mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  kind: "OFFICE",
  ext: "xlsx",
} as const satisfies DetectedType;
export const MP3 = { mime: "audio/mpeg", kind: "AUDIO", ext: "mp3" } as const satisfies DetectedType;
export const M4A = { mime: "audio/mp4", kind: "AUDIO", ext: "m4a" } as const satisfies DetectedType;

export const ACCEPTED_MIMES: readonly string[] = [JPEG, PNG, WEBP, PDF, TEXT, DOCX, XLSX, MP3, M4A].map((t) => t.mime);

/**
 * Types accepted without full metadata removal, so the form can warn before sending.
 * Office files lose their document properties, the names of comment/revision authors and
 * every active or external part, but they can still hold identifying content we do not
 * rewrite (revision-session IDs, hidden text, deleted text kept in tracked changes).
 * M4A is stripped; only an unusual layout (fragmented MP4) falls back to a per-file warning.
 */
export const WARNING_MIMES: readonly string[] = [DOCX.mime, XLSX.mime];
