import { describe, expect, it } from "vitest";
import { UploadRefused } from "../../lib/formats/errors.ts";
import { ACCEPTED_MIMES } from "./formats.ts";
import { hugeEntryBomb, manyEntriesBomb, overlappingEntries, tooManyEntries, zerosDeflated } from "./office-attacks.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { inflateWithin, MAX_ZIP_ENTRIES } from "../../lib/formats/zip.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };
const MIB = 1024 * 1024;

/** CPU milliseconds spent by `work` (wall time would measure the other processes sharing the machine). */
function cpuMs(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

/** The result, the CPU time it took and how much the process grew meanwhile. */
async function measure(bytes: Buffer) {
  const rss = process.memoryUsage.rss();
  const started = process.cpuUsage();
  const result = await sanitizeUpload({ bytes, fileName: "laporan.docx" }, opts);
  return { result, ms: cpuMs(started), grewMiB: (process.memoryUsage.rss() - rss) / MIB };
}

describe("decompression budget for DOCX/XLSX", () => {
  it("stops inflating the moment an entry passes its limit, whatever its headers say", () => {
    const { data } = zerosDeflated(1024); // 1 GiB of zeros in about 1 MB
    expect(data.length).toBeLessThan(2 * MIB);
    const rss = process.memoryUsage.rss();
    const started = process.cpuUsage();
    expect(() => inflateWithin("word/document.xml", 8, data, 8 * MIB)).toThrow(UploadRefused);
    expect(cpuMs(started)).toBeLessThan(500);
    expect(process.memoryUsage.rss() - rss).toBeLessThan(64 * MIB);
    expect(inflateWithin("word/document.xml", 8, zerosDeflated(8).data, 8 * MIB)).toHaveLength(8 * MIB); // the limit itself is allowed
  });

  it("refuses an entry inflating to 1 GiB fast and with bounded memory, with honest or lying headers", async () => {
    // Honest: refused from the directory; declaring 1000 bytes: at the first chunk; declaring 64 MiB: at the
    // 32 MiB entry cap.
    for (const declared of [1024 * MIB, 1000, 64 * MIB]) {
      const bomb = hugeEntryBomb(1024, declared);
      expect(bomb.length).toBeLessThan(2 * MIB);
      const { result, ms, grewMiB } = await measure(bomb);
      expect(result).toEqual({ ok: false, reason: "unsafe" });
      expect(ms).toBeLessThan(1500);
      expect(grewMiB).toBeLessThan(128);
    }
  });

  it("refuses many entries that together pass the budget", async () => {
    expect((await measure(manyEntriesBomb(120, 1))).result).toEqual({ ok: false, reason: "unsafe" }); // 120 MiB declared
    expect((await measure(manyEntriesBomb(8, 1))).result).toEqual({ ok: false, reason: "unsafe" }); // 8 MiB at a ratio near 1000
  });

  it("refuses more entries than the budget allows", async () => {
    expect((await measure(tooManyEntries(MAX_ZIP_ENTRIES))).result).toEqual({ ok: false, reason: "unsafe" });
    expect((await measure(tooManyEntries(MAX_ZIP_ENTRIES - 10))).result.ok).toBe(true);
  });

  it("refuses entries whose data overlap", async () => {
    expect((await measure(overlappingEntries())).result).toEqual({ ok: false, reason: "unsafe" });
  });
});
