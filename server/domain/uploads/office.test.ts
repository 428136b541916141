import exifr from "exifr";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES, WARNING_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { docx, DOCUMENT_XML, GPS_EXIF, pixels, SHEET_XML, WORKBOOK_XML, xlsx } from "./test-inputs.ts";
import { readZipDirectory, stored, writeZip } from "../../lib/formats/zip.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function sanitize(bytes: Buffer, fileName = "laporan.docx") {
  return sanitizeUpload({ bytes, fileName }, opts);
}

describe("Office files", () => {
  it("empties the document properties and removes author names, keeping the document", async () => {
    const photo = await pixels(64, 48).withExif(GPS_EXIF).jpeg().toBuffer();
    const input = docx({ "word/media/image1.jpeg": photo });
    expect(input.includes("Budi Santoso")).toBe(false); // compressed: look inside instead
    expect(strFromU8(unzipSync(input)["docProps/core.xml"]!)).toContain("Budi Santoso");

    const result = await sanitize(input);
    if (!result.ok) throw new Error(result.reason);
    const { file } = result;
    expect(file).toMatchObject({
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      kind: "OFFICE",
      fileName: "laporan.docx",
      strippedMetadata: true,
      warning: true,
    });
    expect(WARNING_MIMES).toContain(file.mime);

    // fflate checks every entry's CRC while unzipping, so the archive is intact.
    const parts = unzipSync(file.bytes);
    expect(Object.keys(parts).sort()).toEqual(Object.keys(unzipSync(input)).sort());
    const text = Object.entries(parts)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([, content]) => strFromU8(content))
      .join("\n");
    for (const leak of ["Budi Santoso", "budi.santoso", "DPMPTSP", "Rekap Anggaran", 'w:initials="BS"'])
      expect(text).not.toContain(leak);
    expect(strFromU8(parts["docProps/core.xml"]!)).toMatch(/<cp:coreProperties [^>]*\/>$/);
    expect(strFromU8(parts["word/document.xml"]!)).toBe(DOCUMENT_XML.replace('w:author="Budi Santoso"', 'w:author=""'));
    expect(strFromU8(parts["_rels/.rels"]!)).toContain("docProps/core.xml"); // relationships unchanged

    expect(await exifr.gps(photo)).toBeDefined();
    expect(await exifr.gps(Buffer.from(parts["word/media/image1.jpeg"]!))).toBeUndefined();

    // No entry keeps the time the document was saved.
    const entries = readZipDirectory(file.bytes)!;
    expect(entries).toHaveLength(8);
    expect(file.bytes.readUInt16LE(12)).toBe(0x21); // first local header dated 1980-01-01
  });

  it("recognises and cleans an XLSX workbook", async () => {
    const workbook = WORKBOOK_XML.replace(
      "<sheets>",
      '<x15ac:absPath url="C:\\Users\\budi.santoso\\Documents\\" xmlns:x15ac="x"/><sheets>',
    );
    const input = xlsx({ "xl/workbook.xml": strToU8(workbook) });
    const result = await sanitize(input, "anggaran.xlsx");
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const parts = unzipSync(result.file.bytes);
    expect(Object.keys(parts).sort()).toEqual(Object.keys(unzipSync(input)).sort());
    const text = Object.values(parts)
      .map((p) => strFromU8(p))
      .join("\n");
    expect(text).not.toContain("budi.santoso");
    expect(text).not.toContain("Budi Santoso");
    expect(strFromU8(parts["xl/comments1.xml"]!)).toMatch(/<authors><author><\/author><\/authors>/);
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"]!)).toBe(SHEET_XML); // formulas that stay inside the workbook are kept
  });

  it("refuses a zip that expands absurdly (zip bomb)", async () => {
    // One deflated MiB of zeros (about 1 KB), repeated under many names: honest sizes, tiny archive.
    const zeros = new Uint8Array(1024 * 1024);
    const packed = deflateSync(zeros, { level: 9 });
    const archive = (count: number) =>
      writeZip([
        stored("[Content_Types].xml", strToU8("<Types/>")),
        stored("word/document.xml", strToU8(DOCUMENT_XML)),
        ...Array.from({ length: count }, (_, i) => ({
          name: `word/media/zeros${i}.bin`,
          method: 8 as const,
          crc32: crc32(zeros),
          uncompressedSize: zeros.length,
          data: packed,
        })),
      ]);
    const bomb = archive(120); // 120 MiB unpacked
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await sanitize(bomb)).toEqual({ ok: false, reason: "unsafe" });
    expect(await sanitize(archive(5))).toEqual({ ok: false, reason: "unsafe" }); // 5 MiB, but a ratio near 1000
  });

  it("refuses an entry that unpacks to more than its declared size as unsafe", async () => {
    const zeros = new Uint8Array(64 * 1024);
    const liar = writeZip([
      stored("[Content_Types].xml", strToU8("<Types/>")),
      { name: "word/document.xml", method: 8, crc32: crc32(zeros), uncompressedSize: 100, data: deflateSync(zeros) },
    ]);
    expect(await sanitize(liar)).toEqual({ ok: false, reason: "unsafe" });
  });

  it("refuses a zip whose sizes lie, or whose data is corrupt, as damaged", async () => {
    const input = docx();
    const entry = readZipDirectory(input)!.find((e) => e.name === "word/document.xml")!;
    const corrupt = Buffer.from(input);
    corrupt[entry.localHeaderOffset + 30 + entry.name.length + 5]! ^= 0xff;
    expect(await sanitize(corrupt)).toEqual({ ok: false, reason: "damaged" });
  });

  it("refuses documents with macros, and zips that are not Office documents", async () => {
    expect(await sanitize(docx({ "word/vbaProject.bin": new Uint8Array([1, 2, 3]) }))).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    const plain = Buffer.from(zipSync({ "foto.jpg": new Uint8Array(10), "catatan.txt": strToU8("halo") }));
    expect(await sanitize(plain, "arsip.docx")).toEqual({ ok: false, reason: "unsupported_type" });
    const noTypes = Buffer.from(zipSync({ "word/document.xml": strToU8(DOCUMENT_XML) }));
    expect(await sanitize(noTypes)).toEqual({ ok: false, reason: "unsupported_type" });
  });
});
