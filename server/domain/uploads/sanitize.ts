import { detectFileType, type UploadKind } from "./detect.ts";
import { UploadRefused } from "./errors.ts";
import { safeFileName } from "./file-name.ts";
import { DOCX, JPEG, M4A, MP3, PDF, PNG, TEXT, WEBP, XLSX } from "./formats.ts";
import { reencodeImage } from "./image.ts";
import { stripM4a } from "./m4a.ts";
import { stripMp3Tags } from "./mp3.ts";
import { sanitizeOffice } from "./office.ts";
import { sanitizePdf } from "./pdf.ts";

/**
 * `unsafe`: the file could not be processed within the safety budget (a decompression bomb,
 * too many parts, too long) or carries active content that cannot be removed safely.
 */
export type RefusalReason = "empty" | "too_large" | "unsupported_type" | "damaged" | "unsafe";

export interface SanitizedFile {
  bytes: Buffer;
  mime: string;
  kind: UploadKind;
  fileName: string;
  strippedMetadata: boolean;
  warning: boolean;
}

export type SanitizeResult = { ok: true; file: SanitizedFile } | { ok: false; reason: RefusalReason };

interface Cleaned {
  bytes: Uint8Array;
  strippedMetadata: boolean;
  warning: boolean;
}

async function clean(bytes: Buffer, mime: string): Promise<Cleaned> {
  switch (mime) {
    case JPEG.mime:
    case PNG.mime:
    case WEBP.mime: {
      const format = mime === JPEG.mime ? "jpeg" : mime === PNG.mime ? "png" : "webp";
      return { bytes: await reencodeImage(bytes, format), strippedMetadata: true, warning: false };
    }
    case PDF.mime: {
      const { bytes: out, warning } = await sanitizePdf(bytes);
      return { bytes: out, strippedMetadata: true, warning };
    }
    case DOCX.mime:
    case XLSX.mime:
      return { bytes: sanitizeOffice(bytes), strippedMetadata: true, warning: true };
    case MP3.mime: {
      const audio = stripMp3Tags(bytes);
      if (!audio) throw new UploadRefused("damaged", "no MPEG audio frames");
      return { bytes: audio, strippedMetadata: true, warning: false };
    }
    case M4A.mime: {
      const { bytes: out, stripped } = stripM4a(bytes);
      return { bytes: out, strippedMetadata: stripped, warning: !stripped };
    }
    case TEXT.mime:
      return { bytes, strippedMetadata: false, warning: false };
    default:
      throw new UploadRefused("unsupported_type", mime);
  }
}

/**
 * Accept an evidence file by its content and remove the metadata that could identify the
 * reporter (camera, GPS position, author, software, times). The size limit is checked before
 * anything is decoded.
 */
export async function sanitizeUpload(
  input: { bytes: Buffer; fileName: string },
  opts: { maxBytes: number; allowedMimes: readonly string[] },
): Promise<SanitizeResult> {
  const { bytes } = input;
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > opts.maxBytes) return { ok: false, reason: "too_large" };
  const type = detectFileType(bytes);
  if (!type || !opts.allowedMimes.includes(type.mime)) return { ok: false, reason: "unsupported_type" };

  let cleaned: Cleaned;
  try {
    cleaned = await clean(bytes, type.mime);
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, reason: error.reason };
    // A decoder that gives up on content that looked like its format: the file is damaged.
    return { ok: false, reason: "damaged" };
  }
  const out = Buffer.isBuffer(cleaned.bytes)
    ? cleaned.bytes
    : Buffer.from(cleaned.bytes.buffer, cleaned.bytes.byteOffset, cleaned.bytes.byteLength);
  return {
    ok: true,
    file: {
      bytes: out,
      mime: type.mime,
      kind: type.kind,
      fileName: safeFileName(input.fileName, type.ext),
      strippedMetadata: cleaned.strippedMetadata,
      warning: cleaned.warning,
    },
  };
}
