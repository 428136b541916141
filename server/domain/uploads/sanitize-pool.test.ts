/**
 * The sanitiser pool as a property of the server: while bombs of every kind are being refused,
 * the thread that answers requests keeps answering (event-loop delay), memory stays within a
 * stated budget, and honest files still come out clean. Runs the real pool and real workers.
 */
import exifr from "exifr";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import {
  docxBomb,
  jpegBomb,
  m4aManyBoxes,
  m4aNested,
  mp3StackedTags,
  pdfBomb,
  pngBomb,
  webpBomb,
} from "./test-bombs.ts";
import { ascii, concat, GPS_EXIF, mp3Frames, pixels } from "./test-inputs.ts";
import { DEFAULT_POOL_OPTIONS, SanitizePool, type PoolOptions } from "./worker-pool.ts";

const MiB = 1024 * 1024;
const limits = { maxBytes: 10 * MiB, allowedMimes: ACCEPTED_MIMES };
/** What the request thread may stall for, at the 99th percentile, while bombs are refused. */
const EVENT_LOOP_P99_MS = 250;
/** What the process may grow by while all of them are in work (two workers on the RSS watchdog's 384 MB). */
const RSS_GROWTH_BUDGET = 640 * MiB;

const pools: SanitizePool[] = [];
function pool(options: Partial<PoolOptions>): SanitizePool {
  const made = new SanitizePool({ ...DEFAULT_POOL_OPTIONS, size: 2, ...options });
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function photoWithGps(): Promise<Buffer> {
  return pixels(2000, 1500).withExif(GPS_EXIF).jpeg({ quality: 90 }).toBuffer();
}

/** Starts the pool's workers (loading TypeScript takes seconds under Vitest) before anything is measured. */
async function warm(p: SanitizePool): Promise<void> {
  const text = () => sanitizeUpload({ bytes: Buffer.from("catatan"), fileName: "a.txt" }, { ...limits, pool: p });
  expect((await Promise.all([text(), text()])).every((r) => r.ok)).toBe(true);
}

describe("sanitiser pool", () => {
  it("refuses a bomb of every kind as unsafe while the request thread keeps answering, within the memory budget", async () => {
    const p = pool({ timeLimitMs: 4000, maxRssGrowthBytes: 384 * MiB });
    await warm(p);
    const bombs: [string, Buffer][] = [
      ["denah.png", pngBomb()],
      ["foto.jpg", await jpegBomb()],
      ["foto.webp", await webpBomb()],
      ["laporan.pdf", pdfBomb(1024 * MiB)],
      ["rekap.docx", docxBomb(1024 * MiB)],
      ["rekaman.m4a", m4aNested()],
      ["memo.m4a", m4aManyBoxes()],
      ["suara.mp3", mp3StackedTags(mp3Frames(20))],
    ];

    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const results = await Promise.all(
      bombs.map(([fileName, bytes]) => sanitizeUpload({ bytes, fileName, transfer: true }, { ...limits, pool: p })),
    );
    delay.disable();
    clearInterval(sampler);

    const reasons = Object.fromEntries(
      bombs.map(([name], i) => [name, results[i]!.ok ? "accepted" : results[i]!.reason]),
    );
    expect(reasons).toEqual({
      "denah.png": "unsafe",
      "foto.jpg": "unsafe",
      "foto.webp": "unsafe",
      "laporan.pdf": "unsafe",
      "rekap.docx": "unsafe",
      "rekaman.m4a": "unsafe",
      "memo.m4a": "unsafe",
      "suara.mp3": "unsafe",
    });
    const p99 = delay.percentile(99) / 1e6;
    expect(p99, `event-loop delay p99 ${p99.toFixed(1)} ms`).toBeLessThan(EVENT_LOOP_P99_MS);
    expect(rssPeak - rssBefore, `RSS grew by ${Math.round((rssPeak - rssBefore) / MiB)} MB`).toBeLessThan(
      RSS_GROWTH_BUDGET,
    );
    expect(p.workerCount).toBeLessThanOrEqual(2);

    // The pool recovered: an honest photo still comes out re-encoded, without its GPS position.
    const photo = await photoWithGps();
    expect(await exifr.gps(photo)).toBeDefined();
    const clean = await sanitizeUpload({ bytes: photo, fileName: "foto-gps.jpg" }, { ...limits, pool: p });
    if (!clean.ok) throw new Error(`refused: ${clean.reason}`);
    expect(clean.file).toMatchObject({ mime: "image/jpeg", strippedMetadata: true });
    expect(await exifr.parse(clean.file.bytes, { tiff: true, xmp: true })).toBeUndefined();
    expect(await exifr.gps(clean.file.bytes)).toBeUndefined();
  });

  it("refuses a file that outlasts the time limit as unsafe, replaces the worker and goes on", async () => {
    const p = pool({ size: 1, timeLimitMs: 5 });
    await sanitizeUpload({ bytes: Buffer.from("catatan"), fileName: "a.txt" }, { ...limits, pool: pool({ size: 1 }) }); // tsx warm, shared cache
    const slow = await sanitizeUpload({ bytes: await photoWithGps(), fileName: "foto.jpg" }, { ...limits, pool: p });
    expect(slow).toEqual({ ok: false, reason: "unsafe" });
    const relaxed = pool({ size: 1 });
    const after = await sanitizeUpload(
      { bytes: await photoWithGps(), fileName: "foto.jpg" },
      { ...limits, pool: relaxed },
    );
    expect(after.ok).toBe(true);
  });

  it("refuses a file that exhausts a worker's heap as unsafe, and the next file gets a fresh worker", async () => {
    const p = pool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } });
    // Three million numbers in one PDF array: a few MB of text, hundreds of MB of parsed objects.
    const numbers = "0 ".repeat(3_000_000);
    const pdf = concat(ascii(`%PDF-1.4\n1 0 obj\n[${numbers}]\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`));
    expect(await sanitizeUpload({ bytes: pdf, fileName: "a.pdf" }, { ...limits, pool: p })).toEqual({
      ok: false,
      reason: "unsafe",
    });
    const text = await sanitizeUpload({ bytes: Buffer.from("catatan"), fileName: "a.txt" }, { ...limits, pool: p });
    expect(text.ok).toBe(true);
  });

  it("refuses at once, as busy, what would overflow the queue", async () => {
    const p = pool({ size: 1, maxQueued: 2 });
    const text = () => sanitizeUpload({ bytes: Buffer.from("catatan"), fileName: "a.txt" }, { ...limits, pool: p });
    const results = await Promise.all([text(), text(), text(), text()]);
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["ok", "ok", "busy", "busy"]);
  });
});
