/**
 * Lossless metadata removal for images embedded in PDF and Office files, where re-encoding
 * would mean rewriting the container around them. Both return null when the bytes are not
 * a well-formed image, so the caller keeps the original.
 */
import { concatBytes } from "../concat-bytes.ts";

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * A JPEG without EXIF/XMP (APP1), IPTC (APP13), comments, other application segments and
 * anything after the end-of-image marker. Kept: JFIF (APP0), ICC profiles (APP2) and Adobe's
 * colour-transform flag (APP14), which decoding needs.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const keep: [number, number][] = [[0, 2]];
  let p = 2;
  let inScan = false;
  while (p < bytes.length) {
    if (inScan) {
      // Entropy-coded data ends at the first marker that is not stuffing (FF00) or a restart (FFD0-D7).
      const start = p;
      while (
        p + 1 < bytes.length &&
        !(bytes[p] === 0xff && bytes[p + 1] !== 0 && (bytes[p + 1]! < 0xd0 || bytes[p + 1]! > 0xd7))
      )
        p++;
      if (p + 1 >= bytes.length) return null;
      keep.push([start, p]);
      inScan = false;
      continue;
    }
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1];
    if (marker === undefined) return null;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      keep.push([p, p + 2]);
      break;
    }
    if (p + 4 > bytes.length) return null;
    const end = p + 2 + ((bytes[p + 2]! << 8) | bytes[p + 3]!);
    if (end > bytes.length || end < p + 4) return null;
    const body = p + 4;
    const app = marker >= 0xe0 && marker <= 0xef;
    const wanted =
      (marker === 0xe0 && ascii(bytes, body, "JFIF\0")) ||
      (marker === 0xe2 && ascii(bytes, body, "ICC_PROFILE\0")) ||
      (marker === 0xee && ascii(bytes, body, "Adobe")) ||
      (!app && marker !== 0xfe);
    if (wanted) keep.push([p, end]);
    if (marker === 0xda) inScan = true;
    p = end;
  }
  const last = keep.at(-1)!;
  if (last[1] - last[0] !== 2 || bytes[last[0] + 1] !== 0xd9) return null; // no end-of-image: truncated
  const out = new Uint8Array(keep.reduce((n, [a, b]) => n + b - a, 0));
  let o = 0;
  for (const [a, b] of keep) {
    out.set(bytes.subarray(a, b), o);
    o += b - a;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Text, EXIF and the last-modified time; every other chunk can matter for display.
const PNG_METADATA = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

/** A PNG without text, EXIF and time chunks (each chunk carries its own CRC, so the rest is copied). */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let p = 8;
  for (;;) {
    if (p + 12 > bytes.length) return null;
    const end = p + 12 + dv.getUint32(p);
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    if (!PNG_METADATA.has(type)) parts.push(bytes.subarray(p, end));
    p = end;
    if (type === "IEND") break;
  }
  return concatBytes(parts);
}
