/**
 * Decompression bombs and parser traps for the uploads tests and the bench, made in memory:
 * small files that declare or expand to far more than any honest evidence file.
 */
import { constants, crc32, deflateRawSync, deflateSync } from "node:zlib";
import sharp from "sharp";
import { ascii, box } from "./test-inputs.ts";
import { stored, writeZip } from "../../lib/formats/zip.ts";

const MiB = 1024 * 1024;

// ---- Images: a header declaring a huge canvas over a few bytes of data -------------------

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header declares `width`×`height` RGB pixels; its data is a few bytes. */
export function pngBomb(width = 100_000, height = 100_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.alloc(1 + width * 3))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real small JPEG whose frame header (SOF0) is rewritten to declare `width`×`height`. */
export async function jpegBomb(width = 60_000, height = 60_000): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
    .jpeg()
    .toBuffer();
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

/** A real small lossy WebP whose VP8 frame header is rewritten to declare the largest canvas, 16383×16383. */
export async function webpBomb(): Promise<Buffer> {
  const webp = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
    .webp()
    .toBuffer();
  if (webp.toString("latin1", 12, 16) !== "VP8 ") throw new Error("expected a simple lossy WebP");
  // Payload at 20: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
  webp.writeUInt16LE(0x3fff, 26);
  webp.writeUInt16LE(0x3fff, 28);
  return webp;
}

// ---- Deflate: a stream that inflates to `bytes` zeros, built without holding them ----------

/**
 * Raw deflate of `bytes` zeros (a multiple of 1 MiB). One MiB of zeros compressed and flushed
 * to a byte boundary, without a final block, decodes to the same MiB wherever it is placed
 * after zeros (its back-references only reach zeros), so it is repeated, then closed by an
 * empty final stored block.
 */
export function deflatedZeros(bytes: number): { raw: Buffer; crc32: number } {
  if (bytes % MiB !== 0) throw new Error("deflatedZeros: a whole number of MiB");
  const chunk = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const count = bytes / MiB;
  const parts: Buffer[] = Array.from({ length: count }, () => chunk);
  parts.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]));
  let crc = 0;
  const zeros = Buffer.alloc(MiB);
  for (let i = 0; i < count; i++) crc = crc32(zeros, crc);
  return { raw: Buffer.concat(parts), crc32: crc };
}

/** The same as a zlib stream (PDF FlateDecode): header, raw deflate, Adler-32 of the zeros. */
export function zlibZeros(bytes: number): Buffer {
  const { raw } = deflatedZeros(bytes);
  const adler = Buffer.alloc(4);
  // Adler-32 of n zeros: a = 1, b = n mod 65521.
  adler.writeUInt32BE((((bytes % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), raw, adler]);
}

// ---- PDF: an object stream that inflates to `bytes` ---------------------------------------

/** A one-page PDF whose object stream (parsed on load) inflates to `bytes` zeros. */
export function pdfBomb(bytes = 512 * MiB): Buffer {
  const stream = zlibZeros(bytes);
  const parts: Buffer[] = [ascii("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (text: string | Buffer, object?: boolean) => {
    const part = typeof text === "string" ? ascii(text) : text;
    if (object) offsets.push(length);
    parts.push(part);
    length += part.length;
  };
  add("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", true);
  add("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n", true);
  add("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n", true);
  add(`4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`, true);
  add(stream);
  add("\nendstream\nendobj\n");
  const xref = length;
  add(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

// ---- DOCX: one entry that inflates to `bytes` ----------------------------------------------

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  "<w:body><w:p><w:r><w:t>Laporan</w:t></w:r></w:p></w:body></w:document>";

/** A DOCX with one media entry that honestly declares and inflates to `bytes` zeros. */
export function docxBomb(bytes = 1024 * MiB): Buffer {
  const { raw, crc32: crc } = deflatedZeros(bytes);
  return writeZip([
    stored("[Content_Types].xml", ascii(CONTENT_TYPES)),
    stored("word/document.xml", ascii(DOCUMENT)),
    { name: "word/media/image1.png", method: 8, crc32: crc, uncompressedSize: bytes, data: raw },
  ]);
}

// ---- Audio: parser traps --------------------------------------------------------------------

const M4A_FTYP = box("ftyp", ascii("M4A "), Buffer.alloc(4), ascii("M4A mp42isom"));

function audioTrak(stbl: Buffer): Buffer {
  const hdlr = box("hdlr", Buffer.alloc(4), Buffer.alloc(4), ascii("soun"), Buffer.alloc(12), ascii("SoundHandler\0"));
  return box("trak", box("mdia", hdlr, box("minf", stbl)));
}

/** An M4A whose sample table holds `depth` stbl boxes nested one in another. */
export function m4aNested(depth = 500_000): Buffer {
  const nested = Buffer.alloc(8 * depth);
  for (let i = 0; i < depth; i++) {
    nested.writeUInt32BE(8 * (depth - i), 8 * i);
    nested.write("stbl", 8 * i + 4, "latin1");
  }
  const moov = box("moov", audioTrak(nested));
  return Buffer.concat([M4A_FTYP, moov, box("mdat", ascii("audio"))]);
}

/** An M4A with `count` empty top-level boxes between its header and its audio. */
export function m4aManyBoxes(count = 1_000_000): Buffer {
  const filler = Buffer.alloc(8 * count);
  for (let i = 0; i < count; i++) {
    filler.writeUInt32BE(8, 8 * i);
    filler.write("junk", 8 * i + 4, "latin1");
  }
  const moov = box("moov", audioTrak(box("stbl")));
  return Buffer.concat([M4A_FTYP, moov, filler, box("mdat", ascii("audio"))]);
}

/** `count` empty ID3v2 tags one after another, then `audio`. */
export function mp3StackedTags(audio: Buffer, count = 100_000): Buffer {
  const tag = Buffer.concat([ascii("ID3"), Buffer.from([3, 0, 0, 0, 0, 0, 0])]);
  return Buffer.concat([...Array.from({ length: count }, () => tag), audio]);
}

/** One ID3v2 tag of `size` bytes (a cover picture, say) before `audio`. */
export function mp3HugeTag(audio: Buffer, size = 9 * MiB): Buffer {
  const syncsafe = [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f];
  return Buffer.concat([ascii("ID3"), Buffer.from([3, 0, 0, ...syncsafe]), Buffer.alloc(size, 0x41), audio]);
}
