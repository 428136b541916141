/**
 * M4A (ISO base media file): recognise an audio-only file, and remove the metadata boxes
 * (`udta`, `meta`, `uuid`, free space) and the creation/modification times of the recording.
 * Sample data is located by absolute file offsets (`stco`/`co64`), so every offset is moved by
 * however many bytes were removed before it.
 */
import { concatBytes } from "../concat-bytes.ts";
import { UploadRefused } from "./errors.ts";

export interface Box {
  type: string;
  start: number;
  /** Start of the payload. */
  body: number;
  end: number;
}

const AUDIO_BRANDS = new Set(["M4A ", "M4B ", "mp42", "mp41", "isom"]);

/**
 * Parsing budget. An audio file has a handful of boxes per container (ftyp, moov, mdat; a few
 * traks; the eight or so tables of a stbl) nested five deep; a file made of millions of tiny
 * boxes, or of containers nested thousands deep, is built to exhaust the parser: `unsafe`.
 */
export const MAX_BOXES_PER_CONTAINER = 1024;
export const MAX_BOX_DEPTH = 16;

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** The boxes between `start` and `end`, or null if they do not tile that range exactly. */
export function readBoxes(bytes: Uint8Array, start: number, end: number): Box[] | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let p = start;
  while (p < end) {
    if (boxes.length >= MAX_BOXES_PER_CONTAINER)
      throw new UploadRefused("unsafe", `m4a: more than ${MAX_BOXES_PER_CONTAINER} boxes in one container`);
    if (p + 8 > end) return null;
    let size = dv.getUint32(p);
    let body = p + 8;
    if (size === 1) {
      if (p + 16 > end) return null;
      size = Number(dv.getBigUint64(p + 8));
      body = p + 16;
    } else if (size === 0) {
      size = end - p; // "to the end of the file"
    }
    if (size < body - p || p + size > end) return null;
    boxes.push({ type: fourcc(bytes, p + 4), start: p, body, end: p + size });
    p += size;
  }
  return boxes;
}

function child(bytes: Uint8Array, parent: Box, type: string): Box | undefined {
  return readBoxes(bytes, parent.body, parent.end)?.find((b) => b.type === type);
}

function handlerTypes(bytes: Uint8Array, moov: Box): string[] | null {
  const traks = readBoxes(bytes, moov.body, moov.end)?.filter((b) => b.type === "trak");
  if (!traks) return null;
  const types: string[] = [];
  for (const trak of traks) {
    const mdia = child(bytes, trak, "mdia");
    const hdlr = mdia && child(bytes, mdia, "hdlr");
    if (!hdlr || hdlr.body + 12 > hdlr.end) return null;
    types.push(fourcc(bytes, hdlr.body + 8));
  }
  return types;
}

/**
 * An MP4 family file with an audio brand, a sound track and no video track. A file whose
 * boxes do not add up still counts when its brand says audio-only (M4A/M4B): it is damaged.
 */
export function isM4a(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || fourcc(bytes, 4) !== "ftyp") return false;
  const ftypEnd = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (ftypEnd < 16 || ftypEnd > bytes.length) return false;
  const brands = [fourcc(bytes, 8)];
  for (let p = 16; p + 4 <= ftypEnd; p += 4) brands.push(fourcc(bytes, p));
  if (!brands.some((b) => AUDIO_BRANDS.has(b))) return false;
  const top = readBoxes(bytes, 0, bytes.length);
  if (!top) return brands.includes("M4A ") || brands.includes("M4B ");
  const moov = top.filter((b) => b.type === "moov");
  if (moov.length !== 1 || !top.some((b) => b.type === "mdat")) return false;
  const handlers = handlerTypes(bytes, moov[0]!);
  return !!handlers && handlers.includes("soun") && !handlers.includes("vide");
}

// User data (iTunes-style tags, a voice memo's place name, the recorder's model), XMP in `uuid`
// boxes, and free space, which may still hold an older copy of any of these.
const DROP = new Set(["udta", "meta", "uuid", "free", "skip"]);
// Headers that carry the recording's creation and modification times.
const TIMED_HEADERS = new Set(["mvhd", "tkhd", "mdhd"]);

function header(size: number, type: string): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setUint32(0, size);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  return out;
}

/** A container rebuilt from its kept children (payload copied, so edits do not touch the input). */
function rebuild(bytes: Uint8Array, box: Box, drop: Set<string>, inner: (b: Box) => Uint8Array): Uint8Array {
  const children = readBoxes(bytes, box.body, box.end);
  if (!children) throw new UploadRefused("damaged", `m4a ${box.type} box`);
  const parts = children.filter((b) => !drop.has(b.type)).map(inner);
  const size = 8 + parts.reduce((n, p) => n + p.length, 0);
  return concatBytes([header(size, box.type), ...parts]);
}

function copy(bytes: Uint8Array, box: Box): Uint8Array {
  return bytes.slice(box.start, box.end);
}

function walk(bytes: Uint8Array, start: number, end: number, visit: (b: Box) => void, depth = 0): void {
  if (depth > MAX_BOX_DEPTH) throw new UploadRefused("unsafe", `m4a: boxes nested more than ${MAX_BOX_DEPTH} deep`);
  const boxes = readBoxes(bytes, start, end);
  // A sample table we cannot read is one whose offsets we cannot fix.
  if (!boxes) throw new UploadRefused("damaged", "m4a sample table");
  for (const box of boxes) {
    visit(box);
    if (["trak", "mdia", "minf", "stbl"].includes(box.type)) walk(bytes, box.body, box.end, visit, depth + 1);
  }
}

export interface M4aResult {
  bytes: Uint8Array;
  stripped: boolean;
}

/**
 * The file without metadata; `stripped: false` (input unchanged) for layouts we do not rewrite:
 * fragmented files, or chunk offsets pointing anywhere but into a kept top-level box.
 */
export function stripM4a(bytes: Uint8Array): M4aResult {
  const top = readBoxes(bytes, 0, bytes.length);
  if (!top) throw new UploadRefused("damaged", "m4a box structure");
  const unchanged = { bytes, stripped: false };
  if (top.some((b) => b.type === "moof" || b.type === "sidx")) return unchanged;
  const moov = top.find((b) => b.type === "moov");
  if (!moov) throw new UploadRefused("damaged", "m4a without moov");
  if (readBoxes(bytes, moov.body, moov.end)?.some((b) => b.type === "mvex")) return unchanged;

  const newMoov = rebuild(bytes, moov, DROP, (b) =>
    b.type === "trak" ? rebuild(bytes, b, DROP, (t) => copy(bytes, t)) : copy(bytes, b),
  );

  // New position of every kept top-level box.
  const kept = top.filter((b) => !DROP.has(b.type));
  const shifts: { box: Box; shift: number }[] = [];
  let position = 0;
  for (const box of kept) {
    shifts.push({ box, shift: position - box.start });
    position += box === moov ? newMoov.length : box.end - box.start;
  }
  // Binary search over the boxes (in file order): a chunk table may hold millions of offsets.
  const moved = (offset: number): number | null => {
    let low = 0;
    let high = shifts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const { box, shift } = shifts[mid]!;
      if (offset < box.start) high = mid - 1;
      else if (offset >= box.end) low = mid + 1;
      else return box !== moov && offset >= box.body ? offset + shift : null;
    }
    return null;
  };

  const dv = new DataView(newMoov.buffer, newMoov.byteOffset, newMoov.byteLength);
  let ok = true;
  walk(newMoov, 8, newMoov.length, (box) => {
    if (TIMED_HEADERS.has(box.type)) {
      const v1 = newMoov[box.body] === 1;
      newMoov.fill(0, box.body + 4, Math.min(box.end, box.body + 4 + (v1 ? 16 : 8)));
      return;
    }
    if (box.type !== "stco" && box.type !== "co64") return;
    const wide = box.type === "co64";
    const count = box.body + 8 <= box.end ? dv.getUint32(box.body + 4) : -1;
    if (count < 0 || box.body + 8 + count * (wide ? 8 : 4) > box.end) {
      ok = false;
      return;
    }
    for (let i = 0; i < count; i++) {
      const at = box.body + 8 + i * (wide ? 8 : 4);
      const target = moved(wide ? Number(dv.getBigUint64(at)) : dv.getUint32(at));
      if (target === null) ok = false;
      else if (wide) dv.setBigUint64(at, BigInt(target));
      else dv.setUint32(at, target);
    }
  });
  if (!ok) return unchanged;

  const out = concatBytes(kept.map((b) => (b === moov ? newMoov : bytes.subarray(b.start, b.end))));
  return isM4a(out) ? { bytes: out, stripped: true } : unchanged;
}
