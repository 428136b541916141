import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { sanitizePool, sanitizeUpload } from "./sanitize.ts";
import { ascii, concat, pixels } from "./test-inputs.ts";

const opts = { maxBytes: 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

describe("sanitizeUpload", () => {
  it("refuses an executable named like a photo", async () => {
    const mz = concat(ascii("MZ\x90\x00"), Buffer.alloc(60), ascii("PE\0\0"), Buffer.alloc(300));
    expect(await sanitizeUpload({ bytes: mz, fileName: "foto.jpg" }, opts)).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    const elf = concat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(300));
    expect(await sanitizeUpload({ bytes: elf, fileName: "foto.jpg" }, opts)).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
  });

  it("refuses HTML and SVG, even named .txt", async () => {
    for (const markup of [
      "<html><script>alert(1)</script></html>",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ]) {
      expect(await sanitizeUpload({ bytes: Buffer.from(markup), fileName: "catatan.txt" }, opts)).toEqual({
        ok: false,
        reason: "unsupported_type",
      });
    }
  });

  it("refuses empty and oversized files before looking inside", async () => {
    expect(await sanitizeUpload({ bytes: Buffer.alloc(0), fileName: "a.jpg" }, opts)).toEqual({
      ok: false,
      reason: "empty",
    });
    const big = Buffer.alloc(opts.maxBytes + 1, 0xff); // not even a valid file: the size decides first
    expect(await sanitizeUpload({ bytes: big, fileName: "a.jpg" }, opts)).toEqual({ ok: false, reason: "too_large" });
    const exact = Buffer.from("a".repeat(opts.maxBytes));
    expect((await sanitizeUpload({ bytes: exact, fileName: "a.txt" }, opts)).ok).toBe(true);
  });

  it("refuses a detected type that this form does not allow", async () => {
    const jpeg = await pixels(16, 16).jpeg().toBuffer();
    const onlyPdf = { ...opts, allowedMimes: ["application/pdf"] };
    expect(await sanitizeUpload({ bytes: jpeg, fileName: "a.jpg" }, onlyPdf)).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
  });

  it("accepts UTF-8 text as it is and refuses invalid UTF-8", async () => {
    const text = Buffer.from("\uFEFFKronologi:\n1. Senin, loket 3.\n");
    const result = await sanitizeUpload({ bytes: text, fileName: "kronologi" }, opts);
    expect(result).toEqual({
      ok: true,
      file: {
        bytes: text,
        sha256: new Uint8Array(createHash("sha256").update(text).digest()),
        mime: "text/plain",
        kind: "TEXT",
        fileName: "kronologi.txt",
        strippedMetadata: false,
        warning: false,
      },
    });
    const latin1 = Buffer.from("Kronologi: caf\xe9", "latin1");
    expect(await sanitizeUpload({ bytes: latin1, fileName: "a.txt" }, opts)).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
  });

  it("names the result from the reporter's name and the detected type", async () => {
    const jpeg = await pixels(16, 16).jpeg().toBuffer();
    const result = await sanitizeUpload({ bytes: jpeg, fileName: "../../etc/passwd.png" }, opts);
    expect(result.ok && result.file.fileName).toBe("passwd.jpg");
  });
});

describe("the sanitiser pool", () => {
  it("is one per process, however many copies of the module are loaded (Next.js bundles one per route)", async () => {
    vi.resetModules();
    const copy = await import("./sanitize.ts");
    expect(copy.sanitizePool).not.toBe(sanitizePool);
    expect(copy.sanitizePool()).toBe(sanitizePool());
  });
});
