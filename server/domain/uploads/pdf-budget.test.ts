import { decodePDFRawStream, PDFContext, PDFName, PDFRawStream } from "pdf-lib";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { UploadRefused } from "../../lib/formats/errors.ts";
import { ACCEPTED_MIMES } from "./formats.ts";
import {
  contentStreamBomb,
  doubleFlateBomb,
  hexFlateBomb,
  lzwZerosBomb,
  manyObjects,
  manyObjectsInStream,
  manyStreamsBomb,
  nestedObjectStreamBomb,
  objectStreamBomb,
  pdfWith,
  runLengthBomb,
  unknownFilterPdf,
  zerosFlate,
} from "./pdf-attacks.ts";
import { DecodeMeter, measureStream, PDF_BUDGET } from "../../lib/formats/pdf-budget.ts";
import { sanitizeUpload } from "./sanitize.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };
const MiB = 1024 * 1024;

const upload = (bytes: Buffer) => sanitizeUpload({ bytes, fileName: "bukti.pdf" }, opts);

/** What pdf-lib itself decodes from `data` through `filters` (the reference for the meter). */
function referenceSize(data: Uint8Array, filters: string[]): number {
  const context = PDFContext.create();
  const dict = context.obj({ Filter: filters.map((f) => PDFName.of(f)) });
  return decodePDFRawStream(PDFRawStream.of(dict, data)).decode().length;
}

async function measured(data: Uint8Array, filters: string[]): Promise<number> {
  const meter = new DecodeMeter(Number.MAX_SAFE_INTEGER);
  await measureStream(
    data,
    filters.map((name) => ({ name })),
    meter,
    Number.MAX_SAFE_INTEGER,
  );
  return meter.bytes;
}

/** A plain LZW encoder (PDF flavour, EarlyChange 1), to check the measuring decoder against pdf-lib's. */
function lzwEncode(data: Uint8Array): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let width = 9;
  const put = (code: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  put(256);
  let w = "";
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (w === "" || table.has(wc) || wc.length === 1) {
      w = wc;
      continue;
    }
    put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    if (next === 1 << width && width < 12) width++;
    if (next === 4094) {
      put(256);
      table = new Map();
      next = 258;
      width = 9;
    }
    w = String.fromCharCode(byte);
  }
  put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  put(257);
  if (bits > 0) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

describe("PDF stream measurement", () => {
  const text = Buffer.from("BT /F1 12 Tf 20 100 Td (Kuitansi pungutan liar) Tj ET\n".repeat(2000), "latin1");

  it("measures each filter as pdf-lib decodes it", async () => {
    const flate = zlib.deflateSync(text);
    expect(await measured(flate, ["FlateDecode"])).toBe(referenceSize(flate, ["FlateDecode"]));
    const big = zlib.deflateSync(Buffer.concat(Array<Buffer>(40).fill(text))); // past the one-shot path
    expect(await measured(big, ["FlateDecode"])).toBe(referenceSize(big, ["FlateDecode"]));
    const hex = Buffer.from(`${text.toString("hex").replace(/(.{64})/g, "$1\n")}>`, "latin1");
    expect(await measured(hex, ["ASCIIHexDecode"])).toBe(referenceSize(hex, ["ASCIIHexDecode"]));
    const a85 = Buffer.from("87cURD]i,\"Ebo80z!!*'!~>", "latin1"); // "Hello world" and zeros
    expect(await measured(a85, ["ASCII85Decode"])).toBe(referenceSize(a85, ["ASCII85Decode"]));
    const rle = Buffer.from([2, 65, 66, 67, 253, 68, 128]);
    expect(await measured(rle, ["RunLengthDecode"])).toBe(referenceSize(rle, ["RunLengthDecode"]));
    const lzw = lzwEncode(text);
    expect(await measured(lzw, ["LZWDecode"])).toBe(text.length);
    expect(referenceSize(lzw, ["LZWDecode"])).toBe(text.length);
    const zeros = lzwZerosBomb(1);
    const data = zeros.subarray(zeros.indexOf("stream\n") + 7, zeros.lastIndexOf("\nendstream"));
    expect(await measured(data, ["LZWDecode"])).toBe(referenceSize(data, ["LZWDecode"]));
    expect(await measured(Buffer.alloc(0), ["FlateDecode"])).toBe(0);
    // Image codecs end the measurement; nothing before them: nothing to decode.
    expect(await measured(flate, ["DCTDecode"])).toBe(0);
  });

  it("stops a bomb at the stream limit with little memory", async () => {
    const bomb = zerosFlate(1536);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const meter = new DecodeMeter(PDF_BUDGET.fileBytes);
    await expect(
      measureStream(bomb, [{ name: "FlateDecode" }], meter, PDF_BUDGET.objectStreamBytes),
    ).rejects.toMatchObject({ reason: "unsafe" });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MiB);
    expect(meter.bytes).toBeLessThan(PDF_BUDGET.objectStreamBytes + MiB);
  });

  it("refuses corrupt data, whose decoded size differs between decoders", async () => {
    const corrupt = Buffer.from(zlib.deflateSync(text));
    corrupt[10] = corrupt[10]! ^ 0xff;
    await expect(measured(corrupt, ["FlateDecode"])).rejects.toBeInstanceOf(UploadRefused);
    // Data that merely stops early, or has a wrong checksum, is measured as far as it goes.
    expect(await measured(zlib.deflateSync(text).subarray(0, 200), ["FlateDecode"])).toBeGreaterThan(0);
    const badChecksum = Buffer.from(zlib.deflateSync(text));
    badChecksum[badChecksum.length - 1] = badChecksum.at(-1)! ^ 0xff;
    expect(await measured(badChecksum, ["FlateDecode"])).toBe(text.length);
    const bigBadChecksum = zlib.deflateSync(Buffer.concat(Array<Buffer>(40).fill(text)));
    bigBadChecksum[bigBadChecksum.length - 1] = bigBadChecksum.at(-1)! ^ 0xff;
    expect(await measured(bigBadChecksum, ["FlateDecode"])).toBe(40 * text.length);
  });
});

describe("PDF decompression budget", () => {
  const bombs: [string, () => Buffer][] = [
    ["an object stream of 1.5 GiB of zeros", () => objectStreamBomb()],
    ["a content stream of 1.5 GiB", () => contentStreamBomb()],
    [
      `streams each under ${PDF_BUDGET.streamBytes / MiB} MiB summing over ${PDF_BUDGET.fileBytes / MiB} MiB`,
      () => manyStreamsBomb(6, 48),
    ],
    ["an object stream deflated twice", () => doubleFlateBomb()],
    ["a bomb behind an ASCII-hex filter", () => hexFlateBomb()],
    ["a run-length bomb", () => runLengthBomb()],
    ["an object stream inside an object stream", () => nestedObjectStreamBomb()],
    [
      "a small object stream hidden inside another (readers would decode it unmeasured)",
      () => nestedObjectStreamBomb(1),
    ],
    ["an object stream claiming a million objects", () => manyObjectsInStream()],
    [`more than ${PDF_BUDGET.objects} objects`, () => manyObjects()],
    ["an LZW bomb", () => lzwZerosBomb()],
    ["a filter whose decoded size cannot be measured", () => unknownFilterPdf()],
  ];
  for (const [name, make] of bombs) {
    it(`refuses ${name} as unsafe`, async () => {
      const input = make();
      expect(input.length).toBeLessThan(opts.maxBytes);
      expect(await upload(input)).toEqual({ ok: false, reason: "unsafe" });
    });
  }

  it("refuses the 1.5 GiB object stream fast, without the parser inflating it", async () => {
    const input = objectStreamBomb();
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    expect(await upload(input)).toEqual({ ok: false, reason: "unsafe" });
    // ~0.2 s on an idle machine (inflating it took 40 s before); the bound leaves room for a busy one.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * MiB);
  });

  it("accepts streams that decode to a lot within the budget", async () => {
    const result = await upload(manyStreamsBomb(3, 40));
    expect(result).toMatchObject({ ok: true });
  });
});

describe("PDF nesting", () => {
  it("refuses objects nested deeper than the parser's stack as unsafe", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(await upload(pdfWith({ catalog: `/Deep ${deep}` }))).toEqual({ ok: false, reason: "unsafe" });
  });
});
