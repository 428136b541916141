import { DOCX, JPEG, M4A, MP3, PDF, PNG, TEXT, WEBP, XLSX, type DetectedType, type UploadKind } from "./formats.ts";
import { isM4a } from "../../lib/formats/m4a.ts";
import { findAudioStart, isFrameStart, leadingId3Length } from "../../lib/formats/mp3.ts";
import { isActiveContent } from "../../lib/formats/office.ts";
import { isPlainText } from "../../lib/formats/text.ts";
import { readZipDirectory } from "../../lib/formats/zip.ts";

export type { DetectedType, UploadKind };

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function officeType(bytes: Uint8Array): DetectedType | null {
  const entries = readZipDirectory(bytes);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has("[content_types].xml") || entries.some((e) => isActiveContent(e.name))) return null;
  const word = names.has("word/document.xml");
  const excel = names.has("xl/workbook.xml");
  if (word === excel) return null;
  return word ? DOCX : XLSX;
}

function isMp3(bytes: Uint8Array): boolean {
  const tags = leadingId3Length(bytes);
  if (tags < 0) return false;
  if (tags > 0) return findAudioStart(bytes, tags) >= 0;
  return isFrameStart(bytes, 0);
}

/**
 * The type of a file from its content alone (never its name or declared type), or null when
 * it is not one of the accepted evidence types.
 */
export function detectFileType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBPVP8"), 8)) return WEBP;
  // Only at offset 0: a PDF header further in is how PDF polyglots are made.
  if (startsWith(bytes, ascii("%PDF-"))) return PDF;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  if (startsWith(bytes, ascii("ftyp"), 4)) return isM4a(bytes) ? M4A : null;
  if (isMp3(bytes)) return MP3;
  if (isPlainText(bytes)) return TEXT;
  return null;
}
