/**
 * Just enough of the ZIP format for Office files: read the central directory, and write a new
 * archive that copies untouched entries' compressed bytes as they are.
 * ZIP64, multi-disk archives and encryption are not supported (no Office file under our size
 * limit needs them).
 */
import { crc32, inflateRawSync } from "node:zlib";
import { UploadRefused } from "./errors.ts";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder("utf-8");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The central directory, or null when the bytes are not a plain, single-disk, non-ZIP64 archive. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const dv = view(bytes);
  // The end record sits in the last 22 bytes plus an archive comment of at most 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD && i + 22 + dv.getUint16(i + 20, true) <= bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  const size = dv.getUint32(eocd + 12, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (dv.getUint16(eocd + 4, true) !== 0 || dv.getUint16(eocd + 6, true) !== 0) return null;
  if (dv.getUint16(eocd + 8, true) !== count || count === 0xffff || offset === 0xffffffff) return null;
  if (offset + size > eocd) return null;

  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > offset + size || dv.getUint32(p, true) !== CENTRAL) return null;
    const nameLength = dv.getUint16(p + 28, true);
    const next = p + 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (next > offset + size) return null;
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      return null;
    }
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** Where an entry's compressed bytes are, checked against its local header; null when inconsistent. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) return null;
  const nameLength = dv.getUint16(at + 26, true);
  const start = at + 30 + nameLength + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  if (utf8.decode(bytes.subarray(at + 30, at + 30 + nameLength)) !== entry.name) return null;
  return bytes.subarray(start, end);
}

/**
 * Decompression budget for one archive. Declared sizes are never trusted to stay within it:
 * every limit is enforced on the bytes actually inflated, and inflation stops the moment one
 * is passed. The ratio applies once an entry or the archive exceeds RATIO_FLOOR_BYTES, so
 * small, highly compressible XML parts stay acceptable.
 */
export const MAX_ZIP_ENTRIES = 1000;
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_RATIO = 100;
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** How many bytes `compressed` bytes may inflate to under the ratio and the absolute cap. */
export function inflateAllowance(compressed: number, cap: number): number {
  return Math.min(cap, Math.max(RATIO_FLOOR_BYTES, compressed * MAX_ZIP_RATIO));
}

/**
 * Inflate (or copy) one entry's data, refusing it as unsafe the moment more than `limit` bytes
 * come out: zlib checks the output length after every chunk it inflates and stops there, so
 * no more than `limit` bytes plus one 1 MiB chunk are ever held. Only corrupt data is `damaged`.
 */
export function inflateWithin(name: string, method: number, data: Uint8Array, limit: number): Uint8Array {
  if (method === 0) {
    if (data.length > limit) throw new UploadRefused("unsafe", `${name}: larger than ${limit} bytes`);
    return data;
  }
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: 1024 * 1024 });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new UploadRefused("unsafe", `${name}: inflates past ${limit} bytes`);
    throw new UploadRefused("damaged", `${name}: ${(error as Error).message}`);
  }
  if (out.length > limit) throw new UploadRefused("unsafe", `${name}: inflates past ${limit} bytes`);
  return out;
}

export interface ZipOutputEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  uncompressedSize: number;
  data: Uint8Array;
}

export function stored(name: string, content: Uint8Array): ZipOutputEntry {
  return { name, method: 0, crc32: crc32(content), uncompressedSize: content.length, data: content };
}

// 1980-01-01 00:00, the earliest DOS date: entry times would tell when the document was saved.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAME = 0x0800;

/**
 * A new archive: no timestamps, extra fields, comments or file attributes (they can carry save
 * times, user IDs and host details), no data descriptors.
 */
export function writeZip(entries: readonly ZipOutputEntry[]): Buffer {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((sum, e, i) => sum + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const dv = view(out);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(p);
    dv.setUint32(p, LOCAL, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, UTF8_NAME, true);
    dv.setUint16(p + 8, e.method, true);
    dv.setUint16(p + 10, DOS_TIME, true);
    dv.setUint16(p + 12, DOS_DATE, true);
    dv.setUint32(p + 14, e.crc32, true);
    dv.setUint32(p + 18, e.data.length, true);
    dv.setUint32(p + 22, e.uncompressedSize, true);
    dv.setUint16(p + 26, name.length, true);
    out.set(name, p + 30);
    out.set(e.data, p + 30 + name.length);
    p += 30 + name.length + e.data.length;
  });
  const centralStart = p;
  entries.forEach((e, i) => {
    const name = names[i]!;
    dv.setUint32(p, CENTRAL, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, UTF8_NAME, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint16(p + 12, DOS_TIME, true);
    dv.setUint16(p + 14, DOS_DATE, true);
    dv.setUint32(p + 16, e.crc32, true);
    dv.setUint32(p + 20, e.data.length, true);
    dv.setUint32(p + 24, e.uncompressedSize, true);
    dv.setUint16(p + 28, name.length, true);
    dv.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  dv.setUint32(p, EOCD, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - centralStart, true);
  dv.setUint32(p + 16, centralStart, true);
  return out;
}
