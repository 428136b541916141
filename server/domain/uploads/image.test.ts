import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { concat, GPS_EXIF, pixels, XMP } from "./test-inputs.ts";
import { pngChunk } from "./test-bombs.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function sanitized(bytes: Buffer, fileName = "foto.jpg") {
  const result = await sanitizeUpload({ bytes, fileName }, opts);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.file;
}

async function expectNoMetadata(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.comments).toBeUndefined();
  expect(bytes.includes("Budi Santoso")).toBe(false);
}

/** Chunk types of a PNG. */
function pngChunks(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let p = 8; p < bytes.length; p += 12 + bytes.readUInt32BE(p)) types.push(bytes.toString("latin1", p + 4, p + 8));
  return types;
}

describe("images", () => {
  it("re-encodes a JPEG without EXIF, GPS, XMP, ICC or comments, keeping its size", async () => {
    const input = await pixels(640, 480)
      .withExif(GPS_EXIF)
      .withXmp(XMP)
      .withIccProfile("p3")
      .jpeg({ quality: 90 })
      .toBuffer();
    // The input really carries what must go, or this test could not fail.
    expect(await exifr.gps(input)).toEqual({
      latitude: expect.closeTo(-1.64, 3),
      longitude: expect.closeTo(111.19, 3),
    });
    expect((await sharp(input).metadata()).icc).toBeDefined();
    expect(input.includes("Budi Santoso")).toBe(true);

    const file = await sanitized(input);
    expect(file).toMatchObject({
      mime: "image/jpeg",
      kind: "IMAGE",
      fileName: "foto.jpg",
      strippedMetadata: true,
      warning: false,
    });
    expect(
      await exifr.parse(file.bytes, { tiff: true, xmp: true, icc: true, iptc: true, jfif: false }),
    ).toBeUndefined();
    expect(await exifr.gps(file.bytes)).toBeUndefined();
    await expectNoMetadata(file.bytes);
    const meta = await sharp(file.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 640, 480]);
  });

  it("applies the EXIF orientation before dropping it, so photos stay upright", async () => {
    const input = await pixels(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const meta = await sharp((await sanitized(input)).bytes).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([200, 300, undefined]);
  });

  it("strips text, EXIF and XMP from a PNG", async () => {
    const png = await pixels(120, 80).withExif(GPS_EXIF).withXmp(XMP).png().toBuffer();
    const iend = png.length - 12;
    const input = concat(
      png.subarray(0, iend),
      pngChunk("tEXt", Buffer.from("Author\0Budi Santoso")),
      png.subarray(iend),
    );
    expect(pngChunks(input)).toContain("tEXt");
    expect(await exifr.gps(input)).toBeDefined();

    const file = await sanitized(input, "layar.png");
    expect(file.fileName).toBe("layar.png");
    expect(pngChunks(file.bytes).filter((t) => !["IHDR", "pHYs", "IDAT", "IEND"].includes(t))).toEqual([]);
    await expectNoMetadata(file.bytes);
    expect(await exifr.gps(file.bytes)).toBeUndefined();
  });

  it("strips EXIF and XMP from a WebP", async () => {
    const input = await pixels(120, 80).withExif(GPS_EXIF).withXmp(XMP).webp().toBuffer();
    expect(input.includes("EXIF") && input.includes("XMP ")).toBe(true);
    const file = await sanitized(input, "foto.webp");
    expect(file.mime).toBe("image/webp");
    expect(file.bytes.includes("EXIF")).toBe(false);
    expect(file.bytes.includes("XMP ")).toBe(false);
    await expectNoMetadata(file.bytes);
  });

  it("refuses a truncated JPEG as damaged", async () => {
    const input = await pixels(320, 240).jpeg().toBuffer();
    const result = await sanitizeUpload({ bytes: input.subarray(0, input.length / 2), fileName: "foto.jpg" }, opts);
    expect(result).toEqual({ ok: false, reason: "damaged" });
  });

  it("refuses a decompression bomb before decoding it", async () => {
    // 10000 x 5000 pixels of one colour compress to a small PNG.
    const bomb = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    expect(bomb.length).toBeLessThan(opts.maxBytes);
    expect(await sanitizeUpload({ bytes: bomb, fileName: "a.png" }, opts)).toEqual({ ok: false, reason: "unsafe" });
  });
});
