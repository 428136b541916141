/**
 * The work done for one evidence file inside a sanitiser worker: recognise its type by content
 * and rebuild it without metadata. Everything here may expand or walk attacker-controlled
 * structure, so it runs only in the pool's workers (see worker-pool.ts), never on the request
 * thread.
 */
import { detectFileType, type DetectedType } from "./detect.ts";
import { UploadRefused } from "../../lib/formats/errors.ts";
import { DOCX, JPEG, M4A, MP3, PDF, PNG, TEXT, WEBP, XLSX } from "./formats.ts";
import { reencodeImage } from "../../lib/formats/image.ts";
import { stripM4a } from "../../lib/formats/m4a.ts";
import { stripMp3Tags } from "../../lib/formats/mp3.ts";
import { sanitizeOffice } from "../../lib/formats/office.ts";
import type { RefusalReason } from "./refusal.ts";

export interface Cleaned {
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
      // Loaded with the first PDF: pdf-lib costs each worker ~11 MB that photos never use.
      const { sanitizePdf } = await import("../../lib/formats/pdf.ts");
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

export type CleanResult = { ok: true; type: DetectedType; cleaned: Cleaned } | { ok: false; reason: RefusalReason };

/** Type detection and cleaning of one non-empty file whose size is already checked. */
export async function detectAndClean(bytes: Buffer, allowedMimes: readonly string[]): Promise<CleanResult> {
  try {
    const type = detectFileType(bytes);
    if (!type || !allowedMimes.includes(type.mime)) return { ok: false, reason: "unsupported_type" };
    return { ok: true, type, cleaned: await clean(bytes, type.mime) };
  } catch (error) {
    if (error instanceof UploadRefused) return { ok: false, reason: error.reason };
    // Structure nested past the stack (a RangeError) is a bomb, not an accident.
    if (error instanceof RangeError) return { ok: false, reason: "unsafe" };
    // A decoder that gives up on content that looked like its format: the file is damaged.
    return { ok: false, reason: "damaged" };
  }
}
