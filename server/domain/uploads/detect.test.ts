import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFileType } from "./detect.ts";
import { ascii, concat, docx, m4a, mp3Frames, pixels } from "./test-inputs.ts";

const kindOf = (bytes: Uint8Array) => detectFileType(bytes)?.mime ?? null;

describe("detectFileType", () => {
  it("recognises each accepted type by its content", async () => {
    const image = pixels(16, 16);
    expect(detectFileType(await image.clone().jpeg().toBuffer())).toEqual({
      mime: "image/jpeg",
      kind: "IMAGE",
      ext: "jpg",
    });
    expect(detectFileType(await image.clone().png().toBuffer())).toEqual({
      mime: "image/png",
      kind: "IMAGE",
      ext: "png",
    });
    expect(detectFileType(await image.clone().webp().toBuffer())).toEqual({
      mime: "image/webp",
      kind: "IMAGE",
      ext: "webp",
    });
    expect(detectFileType(ascii("%PDF-1.7\n%\xe2\xe3\n"))).toEqual({
      mime: "application/pdf",
      kind: "PDF",
      ext: "pdf",
    });
    expect(detectFileType(Buffer.from("\uFEFFLaporan: pungutan liar di loket 3.\nSaksi: dua orang.\n"))).toEqual({
      mime: "text/plain",
      kind: "TEXT",
      ext: "txt",
    });
    expect(detectFileType(docx())?.ext).toBe("docx");
    expect(detectFileType(mp3Frames(4))).toEqual({ mime: "audio/mpeg", kind: "AUDIO", ext: "mp3" });
    expect(detectFileType(m4a().bytes)).toEqual({ mime: "audio/mp4", kind: "AUDIO", ext: "m4a" });
  });

  it("refuses executables, whatever their name", () => {
    const mz = concat(ascii("MZ"), Buffer.alloc(62), ascii("PE\0\0"), Buffer.alloc(200));
    const elf = concat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(120));
    expect(kindOf(mz)).toBeNull();
    expect(kindOf(elf)).toBeNull();
    expect(kindOf(concat(ascii("#!/bin/sh\nrm -rf /\n"), Buffer.from([0])))).toBeNull();
  });

  it("refuses markup, GIF and other containers", () => {
    expect(kindOf(Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"))).toBeNull();
    expect(kindOf(Buffer.from("\n  <html><body>halo</body></html>"))).toBeNull();
    expect(
      kindOf(
        Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ),
    ).toBeNull();
    expect(kindOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(kindOf(Buffer.from("Catatan\n<script>alert(1)</script>"))).toBeNull();
    expect(kindOf(ascii("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))).toBeNull();
    expect(kindOf(Buffer.from(zipSync({ "a.txt": strToU8("halo") })))).toBeNull();
    expect(kindOf(ascii("RIFF\x24\x00\x00\x00WAVEfmt "))).toBeNull();
    expect(kindOf(concat(Buffer.from([0, 0xde, 0xad]), ascii("%PDF-1.7")))).toBeNull(); // PDF header not at the start
  });

  it("accepts only valid UTF-8 text without NUL bytes", () => {
    expect(kindOf(Buffer.from("Kadis menerima uang Rp5.000.000 — ada saksi."))).toBe("text/plain");
    expect(kindOf(Buffer.from([0x4c, 0x61, 0x70, 0xff, 0xfe, 0x6f]))).toBeNull(); // not UTF-8
    expect(kindOf(Buffer.from([0xc3]))).toBeNull(); // cut inside a character
    expect(kindOf(Buffer.from("text\0with NUL"))).toBeNull();
    expect(kindOf(Buffer.from("\uFEFFL\0a\0p\0", "utf16le"))).toBeNull(); // UTF-16
  });

  it("does not take random bytes starting with a frame sync for MP3", () => {
    const noise = Buffer.from([0xff, 0xfb, 0x90, 0x00, ...Array.from({ length: 600 }, (_, i) => (i * 37) % 251)]);
    expect(kindOf(noise)).toBeNull();
  });
});
