import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from "pdf-lib";
import { stripJpegMetadata } from "./embedded-images.ts";
import { UploadRefused } from "./errors.ts";
import { findActiveContent, removeActiveContent } from "./pdf-active-content.ts";
import { DecodeMeter, measureStream, PDF_BUDGET, streamFilters, type PdfBudget } from "./pdf-budget.ts";
import { prescanPdf } from "./pdf-prescan.ts";

const METADATA_KEYS = [
  PDFName.of("Metadata"), // XMP, on the catalog and on pages, images, fonts ...
  PDFName.of("PieceInfo"), // private data of the authoring application
  PDFName.of("LastModified"),
];
const SUBTYPE = PDFName.of("Subtype");
const TYPE = PDFName.of("Type");
const OBJECT_STREAM = PDFName.of("ObjStm");
const XREF_STREAM = PDFName.of("XRef");
const AUTHOR = PDFName.of("T"); // on markup annotations: the author's name (on form fields it is the field name)
const FILTER = PDFName.of("Filter");
const DCT = PDFName.of("DCTDecode");
const MARKUP_ANNOTATIONS = new Set(
  [
    "Text",
    "FreeText",
    "Line",
    "Square",
    "Circle",
    "Polygon",
    "PolyLine",
    "Highlight",
    "Underline",
    "Squiggly",
    "StrikeOut",
    "Stamp",
    "Caret",
    "Ink",
    "FileAttachment",
    "Sound",
    "Redact",
  ].map((n) => PDFName.of(n)),
);

function isJpegStream(stream: PDFStream): boolean {
  const filter = stream.dict.get(FILTER);
  return filter === DCT || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === DCT);
}

/** Remove metadata entries from a dictionary before its remaining values are followed. */
function scrub(dict: PDFDict): void {
  for (const key of METADATA_KEYS) dict.delete(key);
  const subtype = dict.get(SUBTYPE);
  if (subtype instanceof PDFName && MARKUP_ANNOTATIONS.has(subtype)) dict.delete(AUTHOR);
}

/**
 * Rewrite a PDF without its document information dictionary, XMP metadata, file identifier,
 * annotation author names, EXIF inside embedded JPEG images, and without objects no longer
 * reachable from the trailer (older revisions left behind by incremental updates).
 * Active content is removed: actions and scripts of every kind, attached files, XFA forms,
 * media, 3D and rich-media annotations; `warning` is set when something was removed.
 * Every stream is measured under `budget` before pdf-lib or a viewer would decode it; past it,
 * or if the output still holds active content, the file is refused as `unsafe`.
 */
export async function sanitizePdf(
  bytes: Uint8Array,
  budget: PdfBudget = PDF_BUDGET,
): Promise<{ bytes: Uint8Array; warning: boolean }> {
  const meter = new DecodeMeter(budget.fileBytes);
  await prescanPdf(bytes, budget, meter);
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would write its own Producer and dates.
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new Error("no pages");
  } catch (error) {
    // Also encrypted files: their objects cannot be rewritten without the key.
    throw new UploadRefused("damaged", `pdf: ${(error as Error).message}`);
  }
  const context = doc.context;
  const root = context.trailerInfo.Root;
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;

  // Walk everything reachable from the catalog; the trailer's other entries are gone.
  const reachable = new Set<PDFRef>();
  const pending: (PDFObject | undefined)[] = [root];
  const jpegs: { ref: PDFRef; stream: PDFRawStream }[] = [];
  const streams = new Set<PDFRawStream>();
  let removed = false;
  while (pending.length > 0) {
    let object = pending.pop();
    let ref: PDFRef | undefined;
    if (object instanceof PDFRef) {
      if (reachable.has(object)) continue;
      reachable.add(object);
      ref = object;
      object = context.lookup(object);
    }
    let isStream = false;
    if (object instanceof PDFStream) {
      if (!(object instanceof PDFRawStream)) throw new UploadRefused("damaged", "pdf: unexpected stream");
      // pdf-lib consumed the file's own object and cross-reference streams; one still here was
      // hidden inside an object stream, and a reader of the output would decode it unmeasured.
      const type = object.dict.lookup(TYPE);
      if (type === OBJECT_STREAM || type === XREF_STREAM)
        throw new UploadRefused("unsafe", "pdf: nested object stream");
      streams.add(object);
      if (ref && isJpegStream(object)) jpegs.push({ ref, stream: object });
      object = object.dict;
      isStream = true;
    }
    if (object instanceof PDFDict) {
      scrub(object);
      if (removeActiveContent(context, object, isStream)) removed = true;
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      if (removeActiveContent(context, object)) removed = true;
      for (let i = 0; i < object.size(); i++) pending.push(object.get(i));
    }
  }
  // What a viewer will decode; the object streams pdf-lib decoded were measured by the prescan.
  for (const stream of streams)
    await measureStream(stream.contents, streamFilters(stream.dict, false), meter, budget.streamBytes);
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref)) context.delete(ref);
  }
  for (const { ref, stream } of jpegs) {
    const stripped = stripJpegMetadata(stream.contents);
    if (stripped) context.assign(ref, PDFRawStream.of(stream.dict, stripped));
  }

  let out: Uint8Array;
  try {
    out = await doc.save({ addDefaultPage: false, updateFieldAppearances: false });
  } catch (error) {
    throw new UploadRefused("damaged", `pdf save: ${(error as Error).message}`);
  }
  await verifyInactive(out);
  return { bytes: out, warning: removed };
}

/** Parse the output again, as a reader would, and refuse it if any active content is left. */
async function verifyInactive(out: Uint8Array): Promise<void> {
  let finding: string | null;
  try {
    finding = findActiveContent((await PDFDocument.load(out, { updateMetadata: false })).context);
  } catch (error) {
    throw new UploadRefused("damaged", `pdf output: ${(error as Error).message}`);
  }
  if (finding) throw new UploadRefused("unsafe", `pdf: ${finding} remains after cleaning`);
}
