import sharp, { type Metadata } from "sharp";
import { UploadRefused } from "./errors.ts";

// Uploads are one-off: caching decoded images would only hold memory.
sharp.cache(false);

/** Decompression-bomb guard: a 40-megapixel image already takes ~120 MB decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type ImageFormat = "jpeg" | "png" | "webp";

/**
 * Re-encode an image in its own format. Re-encoding keeps only pixels: sharp writes no EXIF,
 * GPS, XMP, IPTC, ICC profile or comments unless asked to. The EXIF orientation is applied
 * first so photos stay upright once the tag is gone.
 */
export async function reencodeImage(bytes: Buffer, format: ImageFormat): Promise<Buffer> {
  const options = {
    limitInputPixels: MAX_IMAGE_PIXELS,
    // Tolerate decoder warnings (common in camera files), refuse real errors and truncation.
    failOn: "error",
    sequentialRead: true,
  } as const;
  let metadata: Metadata;
  try {
    // Header only; without the pixel limit, so an oversized image is reported as too large below.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    throw new UploadRefused("damaged", `image header: ${(error as Error).message}`);
  }
  // Checked from the header before any pixel is decoded.
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_IMAGE_PIXELS) {
    throw new UploadRefused("too_large", `image of ${metadata.width}x${metadata.height} pixels`);
  }
  if (metadata.format !== format) throw new UploadRefused("damaged", `decoded as ${metadata.format}`);

  const image = sharp(bytes, options).rotate();
  try {
    switch (format) {
      case "jpeg":
        return await image.jpeg({ quality: 85 }).toBuffer();
      case "png":
        return await image.png().toBuffer();
      case "webp":
        return await image.webp({ quality: 85 }).toBuffer();
    }
  } catch (error) {
    throw new UploadRefused("damaged", `image decode: ${(error as Error).message}`);
  }
}
