import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { findActiveContent, isActiveObject, removeActiveContent } from "../../lib/formats/pdf-active-content.ts";
import { ACTIVE_NAMES, ACTIVE_PDFS, PAGE_TEXT, pdfWith, readableText } from "./pdf-attacks.ts";
import { sanitizeUpload } from "./sanitize.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function sanitized(bytes: Buffer) {
  const result = await sanitizeUpload({ bytes, fileName: "bukti.pdf" }, opts);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.file;
}

describe("PDF active content", () => {
  for (const [technique, make] of Object.entries(ACTIVE_PDFS)) {
    it(`removes ${technique}, proven by re-parsing the output`, async () => {
      const input = make();
      // The crafted file really carries the technique.
      const before = await readableText(input);
      expect(before).toMatch(ACTIVE_NAMES);
      expect(before).toMatch(/evil|pwned/);

      const file = await sanitized(input);
      expect(file.warning).toBe(true);
      const after = await readableText(file.bytes);
      expect(after.match(ACTIVE_NAMES)?.[0]).toBeUndefined();
      expect(after).not.toMatch(/evil|pwned|app\.alert|cmd\.exe/);
      // The evidence itself is intact.
      expect(after).toContain(`(${PAGE_TEXT})`);
      expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(1);
    });
  }

  it("keeps links and outline items inside the document as plain destinations", async () => {
    const input = pdfWith({
      catalog: "/Outlines 6 0 R",
      page: "/Annots [8 0 R]",
      objects: [
        "<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        "<< /Title (Bab 1) /Parent 6 0 R /A << /S /GoTo /D [3 0 R /Fit] >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /GoTo /D [3 0 R /XYZ 0 200 0] >> >>",
      ],
    });
    const doc = await PDFDocument.load((await sanitized(input)).bytes);
    const page = doc.getPage(0);
    const link = page.node.lookup(PDFName.of("Annots"), PDFArray).lookup(0, PDFDict);
    expect(link.has(PDFName.of("A"))).toBe(false);
    expect(link.lookup(PDFName.of("Dest"), PDFArray).lookup(0)).toBe(page.node);
    const item = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict).lookup(PDFName.of("First"), PDFDict);
    expect(item.lookup(PDFName.of("Dest"), PDFArray).lookup(0)).toBe(page.node);
  });

  it("does not warn about a PDF without active content", async () => {
    const file = await sanitized(pdfWith());
    expect(file.warning).toBe(false);
    expect(await readableText(file.bytes)).toContain(`(${PAGE_TEXT})`);
  });
});

describe("PDF active-content rules", () => {
  it("recognise every action by its type, not only the known-dangerous ones", () => {
    const context = PDFContext.create();
    for (const s of ["GoTo", "Named", "SetOCGState", "Thread", "Trans", "GoTo3DView"]) {
      expect(isActiveObject(context.obj({ S: s }))).toBe(true);
    }
    expect(isActiveObject(context.obj({ Type: "Action" }))).toBe(true);
    expect(isActiveObject(context.obj({ JS: PDFString.of("x") }))).toBe(true);
    // Other dictionaries with /S: structure elements, page labels, transparency groups.
    for (const s of ["P", "Link", "D", "Transparency"]) expect(isActiveObject(context.obj({ S: s }))).toBe(false);
  });

  it("cut references to active objects from arrays and dictionaries, wherever they are", () => {
    const context = PDFContext.create();
    const action = context.register(context.obj({ S: "URI", URI: PDFString.of("https://evil.example") }));
    const note = context.register(context.obj({ Type: "Annot", Subtype: "Text" }));
    const annots = context.obj([note, action, context.obj({ Type: "Annot", Subtype: "Screen" })]);
    expect(removeActiveContent(context, annots)).toBe(true);
    expect(annots.asArray()).toEqual([note]);
    const custom = context.obj({ Private: action, Keep: note });
    expect(removeActiveContent(context, custom)).toBe(true);
    expect(custom.keys()).toEqual([PDFName.of("Keep")]);
    expect(removeActiveContent(context, custom)).toBe(false);
  });

  it("find what is left anywhere, also in objects nothing refers to, so the output can be refused", () => {
    const context = PDFContext.create();
    context.register(context.obj({ Type: "Catalog" }));
    expect(findActiveContent(context)).toBeNull();
    context.register(context.obj({ Kids: [context.obj({ Deep: { AA: {} } })] }));
    expect(findActiveContent(context)).toMatch(/AA/);
    const other = PDFContext.create();
    other.register(other.obj([other.obj({ S: "Launch", F: PDFString.of("cmd.exe") })]));
    expect(findActiveContent(other)).toMatch(/Launch/);
  });
});
