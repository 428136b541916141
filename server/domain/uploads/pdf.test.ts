import exifr from "exifr";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  StandardFonts,
  type PDFObject,
} from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { GPS_EXIF, pixels, XMP } from "./test-inputs.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function evidencePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([400, 400]);
  page.drawText("Kuitansi pungutan liar", { x: 40, y: 360, font: await doc.embedFont(StandardFonts.Helvetica) });
  const photo = await doc.embedJpg(await pixels(64, 48).withExif(GPS_EXIF).jpeg().toBuffer());
  page.drawImage(photo, { x: 40, y: 40, width: 64, height: 48 });
  doc.setTitle("Bukti");
  doc.setAuthor("Budi Santoso");
  doc.setProducer("Microsoft Word for Microsoft 365");
  doc.setCreator("Budi's laptop");
  const xmp = doc.context.stream(XMP, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
  // A sticky note, whose /T names its author.
  const note = doc.context.obj({
    Type: "Annot",
    Subtype: "Text",
    Rect: [10, 10, 30, 30],
    T: PDFString.of("Budi Santoso"),
    Contents: PDFString.of("cek"),
  });
  page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(note)]));
  return doc.save({ useObjectStreams: false });
}

/** An incremental update, as editors append it: a new Info object, and a trailer pointing back. */
function withIncrementalUpdate(pdf: Uint8Array, author: string): Buffer {
  const text = Buffer.from(pdf).toString("latin1");
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf("startxref")))![1]);
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const object = `${size} 0 obj\n<< /Author (${author}) /Producer (Editor) >>\nendobj\n`;
  const xref = pdf.length + object.length;
  const tail =
    object +
    `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(pdf.length).padStart(10, "0")} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(tail, "latin1")]);
}

/** The text of every string inside an object (PDF strings are often UTF-16 hex). */
function strings(object: PDFObject | undefined, out: string[]): void {
  if (object instanceof PDFString || object instanceof PDFHexString) out.push(object.decodeText());
  else if (object instanceof PDFStream) strings(object.dict, out);
  else if (object instanceof PDFDict) for (const [, value] of object.entries()) strings(value, out);
  else if (object instanceof PDFArray) for (const value of object.asArray()) strings(value, out);
}

/** Every object of a PDF, strings and streams decoded where pdf-lib can, as one searchable string. */
async function everything(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const parts = [Buffer.from(pdf).toString("latin1")];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    parts.push(object.toString());
    strings(object, parts);
    if (object instanceof PDFRawStream) {
      try {
        parts.push(Buffer.from(decodePDFRawStream(object).decode()).toString("latin1"));
      } catch {
        // DCTDecode images: the raw bytes above are what matters.
      }
    }
  }
  return parts.join("\n");
}

async function embeddedJpeg(pdf: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  const image = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .find((o) => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"));
  return Buffer.from((image as PDFRawStream).contents);
}

async function sanitized(bytes: Uint8Array) {
  const result = await sanitizeUpload({ bytes: Buffer.from(bytes), fileName: "bukti.pdf" }, opts);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.file;
}

describe("PDF", () => {
  it("removes the information dictionary, XMP, annotation authors and EXIF of embedded photos", async () => {
    const input = await evidencePdf();
    const before = await everything(input);
    for (const needle of ["Budi Santoso", "Microsoft Word", "/Metadata", "Exif"]) expect(before).toContain(needle);
    expect(await exifr.gps(await embeddedJpeg(input))).toBeDefined();

    const file = await sanitized(input);
    expect(file).toMatchObject({
      mime: "application/pdf",
      kind: "PDF",
      fileName: "bukti.pdf",
      strippedMetadata: true,
      warning: false,
    });
    const after = await everything(file.bytes);
    for (const needle of [
      "Budi Santoso",
      "Microsoft Word",
      "Budi's laptop",
      "/Metadata",
      "/Info",
      "/ID",
      "Exif",
      "pdf-lib",
    ]) {
      expect(after).not.toContain(needle);
    }

    const doc = await PDFDocument.load(file.bytes, { updateMetadata: false });
    expect([doc.getTitle(), doc.getAuthor(), doc.getProducer(), doc.getCreator()]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(doc.getPageCount()).toBe(1);
    // The page content stays (pdf-lib writes the drawn text as hex).
    expect(after.toLowerCase()).toContain(Buffer.from("Kuitansi").toString("hex"));
    const annots = doc.getPage(0).node.lookup(PDFName.of("Annots"), PDFArray);
    expect(annots.size()).toBe(1);
    // The embedded photo is still a decodable JPEG of the same size, now without EXIF.
    const jpeg = await embeddedJpeg(file.bytes);
    expect(await exifr.gps(jpeg)).toBeUndefined();
    const meta = await sharp(jpeg).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([64, 48, undefined]);
  });

  it("drops an old information dictionary left behind by an incremental update", async () => {
    const input = withIncrementalUpdate(await evidencePdf(), "Siti Aminah");
    expect((await PDFDocument.load(input)).getAuthor()).toBe("Siti Aminah");
    expect(input.includes("Budi Santoso")).toBe(true);

    const after = await everything((await sanitized(input)).bytes);
    expect(after).not.toContain("Siti Aminah");
    expect(after).not.toContain("Budi Santoso");
  });

  it("removes attached files and warns about the removal", async () => {
    const doc = await PDFDocument.load(await evidencePdf());
    await doc.attach(Buffer.from("isi lampiran rahasia"), "lampiran.txt", { mimeType: "text/plain" });
    const input = await doc.save();
    expect(await everything(input)).toContain("isi lampiran rahasia");

    const file = await sanitized(input);
    expect(file).toMatchObject({ strippedMetadata: true, warning: true });
    const after = await everything(file.bytes);
    for (const needle of ["isi lampiran rahasia", "lampiran.txt", "/EmbeddedFile"]) expect(after).not.toContain(needle);
    expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(1);
  });

  it("refuses a truncated or an encrypted PDF as damaged", async () => {
    const input = await evidencePdf();
    const truncated = await sanitizeUpload(
      { bytes: Buffer.from(input.subarray(0, input.length / 3)), fileName: "a.pdf" },
      opts,
    );
    expect(truncated).toEqual({ ok: false, reason: "damaged" });

    const encrypted = withIncrementalUpdate(input, "x")
      .toString("latin1")
      .replace("/Info", "/Encrypt << /Filter /Standard /V 1 /R 2 >> /Info");
    expect(await sanitizeUpload({ bytes: Buffer.from(encrypted, "latin1"), fileName: "a.pdf" }, opts)).toEqual({
      ok: false,
      reason: "damaged",
    });
  });
});
