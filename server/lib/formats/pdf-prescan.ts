import {
  PDFArray,
  PDFContext,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  type PDFDict,
  type PDFObject,
} from "pdf-lib";
import { UploadRefused } from "./errors.ts";
import { measureStream, streamFilters, type DecodeMeter, type PdfBudget } from "./pdf-budget.ts";

const OBJ = [0x6f, 0x62, 0x6a]; // "obj"
const END = [0x65, 0x6e, 0x64]; // "end"
// A candidate object may be parsed more than once when headers overlap (e.g. "obj" inside a
// string); the total parsing work stays within this multiple of the file size.
const PARSE_WORK_FACTOR = 4;

const unsafe = (detail: string) => new UploadRefused("unsafe", `pdf: ${detail}`);

/** pdf-lib's object parser at `start`, and how far it read (its byte stream is not public API). */
function parseAt(bytes: Uint8Array, start: number): { object?: PDFObject; read: number } {
  const parser = PDFObjectParser.forBytes(bytes.subarray(start), PDFContext.create());
  let object: PDFObject | undefined;
  try {
    object = parser.parseObject();
  } catch (error) {
    // Nesting deep enough to exhaust the stack here might not exhaust pdf-lib's: refused.
    if (error instanceof RangeError) throw unsafe("objects nested too deeply");
    // Otherwise not an object here; pdf-lib skips such bytes without decoding anything.
  }
  return { object, read: (parser as unknown as { bytes: { offset(): number } }).bytes.offset() };
}

function at(bytes: Uint8Array, i: number, word: number[]): boolean {
  return word.every((b, k) => bytes[i + k] === b);
}

/** Every position right after an "obj" keyword that is not the end of "endobj". */
function objectStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = bytes.indexOf(0x6f); i >= 0; i = bytes.indexOf(0x6f, i + 1)) {
    if (at(bytes, i, OBJ) && !(i >= 3 && at(bytes, i - 3, END))) starts.push(i + 3);
  }
  return starts;
}

function directNumber(dict: PDFDict, key: string): number | undefined {
  const value: PDFObject | undefined = dict.get(PDFName.of(key));
  if (value === undefined) return undefined;
  if (!(value instanceof PDFNumber)) throw unsafe(`indirect /${key}`);
  return value.asNumber();
}

/** How many entries pdf-lib will read from a cross-reference stream, and that each is small. */
function xrefEntries(dict: PDFDict): number {
  const widths = dict.get(PDFName.of("W"));
  if (!(widths instanceof PDFArray)) throw unsafe("indirect /W");
  for (const w of widths.asArray()) {
    if (!(w instanceof PDFNumber) || w.asNumber() < 0 || w.asNumber() > 8) throw unsafe("bad /W");
  }
  const index = dict.get(PDFName.of("Index"));
  if (index === undefined) return directNumber(dict, "Size") ?? 0;
  if (!(index instanceof PDFArray)) throw unsafe("indirect /Index");
  let entries = 0;
  index.asArray().forEach((n, i) => {
    if (!(n instanceof PDFNumber)) throw unsafe("indirect /Index");
    if (i % 2 === 1) entries += Math.max(0, n.asNumber());
  });
  return entries;
}

/**
 * Check, before pdf-lib parses the file, everything its parser would expand in memory: the
 * number of objects, and the object and cross-reference streams it decodes while loading
 * (measured here under the budget, charging `meter`). Every place where pdf-lib could begin an
 * indirect object is an "obj" keyword, so each one is parsed with pdf-lib's own object parser.
 */
export async function prescanPdf(bytes: Uint8Array, budget: PdfBudget, meter: DecodeMeter): Promise<void> {
  const starts = objectStarts(bytes);
  if (starts.length > budget.objects) throw unsafe(`more than ${budget.objects} objects`);
  let objects = starts.length;
  let work = 0;
  for (const start of starts) {
    const { object, read } = parseAt(bytes, start);
    work += read;
    if (work > PARSE_WORK_FACTOR * bytes.length) throw unsafe("too many overlapping objects");
    if (!(object instanceof PDFRawStream)) continue;

    const type = object.dict.get(PDFName.of("Type"));
    if (type !== undefined && !(type instanceof PDFName)) throw unsafe("indirect stream /Type");
    if (type !== PDFName.of("ObjStm") && type !== PDFName.of("XRef")) continue;
    if (type === PDFName.of("ObjStm")) {
      objects += Math.max(0, directNumber(object.dict, "N") ?? 0);
      directNumber(object.dict, "First");
    } else if (xrefEntries(object.dict) > budget.objects) {
      throw unsafe(`more than ${budget.objects} cross-reference entries`);
    }
    if (objects > budget.objects) throw unsafe(`more than ${budget.objects} objects`);
    await measureStream(object.contents, streamFilters(object.dict, true), meter, budget.objectStreamBytes);
  }
}
