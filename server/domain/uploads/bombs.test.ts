import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { jpegBomb, m4aManyBoxes, m4aNested, mp3HugeTag, mp3StackedTags, pngBomb, webpBomb } from "./test-bombs.ts";
import { mp3Frames } from "./test-inputs.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };
const sanitize = (bytes: Buffer, fileName: string) => sanitizeUpload({ bytes, fileName }, opts);

describe("decompression bombs and parser traps are refused as unsafe", () => {
  it("images declaring a huge canvas (PNG, JPEG, WebP), before any pixel is decoded", async () => {
    const bombs = { "a.png": pngBomb(), "a.jpg": await jpegBomb(), "a.webp": await webpBomb() };
    for (const [name, bomb] of Object.entries(bombs)) {
      expect(bomb.length).toBeLessThan(4096);
      const declared = await sharp(bomb, { limitInputPixels: false }).metadata();
      expect(declared.width! * declared.height!).toBeGreaterThan(200_000_000);
      expect(await sanitize(bomb, name), name).toEqual({ ok: false, reason: "unsafe" });
    }
  });

  it("an animated WebP is budgeted and decoded by its first frame only", async () => {
    // 50 frames of 1000×1000: 50 megapixels in all, one frame is well within the budget.
    const frames = 50;
    const raw = Buffer.alloc(1000 * 1000 * frames * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i >> 12) & 0xff; // frames differ, so none is merged away
    const animated = await sharp(raw, { raw: { width: 1000, height: 1000 * frames, channels: 3, pageHeight: 1000 } })
      .webp({ quality: 10, effort: 0 })
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(frames);
    const result = await sanitize(animated, "anim.webp");
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const out = await sharp(result.file.bytes).metadata();
    expect([out.width, out.height, out.pages ?? 1]).toEqual([1000, 1000, 1]);
  });

  it("an M4A with boxes nested 500 000 deep", async () => {
    expect(await sanitize(m4aNested(), "a.m4a")).toEqual({ ok: false, reason: "unsafe" });
  });

  it("an M4A made of a million boxes", async () => {
    expect(await sanitize(m4aManyBoxes(), "a.m4a")).toEqual({ ok: false, reason: "unsafe" });
  });

  it("an MP3 behind 100 000 stacked ID3 tags", async () => {
    expect(await sanitize(mp3StackedTags(mp3Frames(20)), "a.mp3")).toEqual({ ok: false, reason: "unsafe" });
  });

  it("an MP3 with one 9 MB tag is cut to its audio, in linear time", async () => {
    const audio = mp3Frames(20);
    const started = performance.now();
    const result = await sanitize(mp3HugeTag(audio), "a.mp3");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.ok && Buffer.compare(result.file.bytes, audio)).toBe(0);
  });
});
