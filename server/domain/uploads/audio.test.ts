import { describe, expect, it } from "vitest";
import { detectFileType } from "./detect.ts";
import { ACCEPTED_MIMES, WARNING_MIMES } from "./formats.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { apeTag, ascii, box, chunkOffsets, concat, id3v1, id3v2, m4a, mp3Frames } from "./test-inputs.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function sanitized(bytes: Buffer, fileName: string) {
  const result = await sanitizeUpload({ bytes, fileName }, opts);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.file;
}

/** The file as the sanitiser keeps it: audio of this type, its name as given, metadata stripped, no warning. */
async function cleanedAudio(bytes: Buffer, fileName: string, mime: string) {
  const file = await sanitized(bytes, fileName);
  expect(file).toMatchObject({ mime, kind: "AUDIO", fileName, strippedMetadata: true, warning: false });
  return file;
}

describe("MP3", () => {
  it("cuts ID3v2, APEv2 and ID3v1 tags off, leaving the audio frames", async () => {
    const audio = mp3Frames(20);
    const input = concat(
      id3v2({ TIT2: "Rapat anggaran", TPE1: "Budi Santoso", TCON: "Rekaman" }),
      audio,
      apeTag({ Artist: "Budi Santoso" }),
      id3v1("Rapat anggaran", "Budi Santoso"),
    );
    const file = await cleanedAudio(input, "rekaman.mp3", "audio/mpeg");
    expect(file.bytes.equals(audio)).toBe(true);
  });

  it("recognises bare MPEG frames, and refuses an ID3 tag with no audio after it", async () => {
    expect(detectFileType(mp3Frames(3))?.mime).toBe("audio/mpeg");
    const tagOnly = concat(id3v2({ TIT2: "x" }), Buffer.alloc(600));
    expect(await sanitizeUpload({ bytes: tagOnly, fileName: "a.mp3" }, opts)).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    const tagAndJunk = concat(id3v2({ TIT2: "x" }), mp3Frames(3).subarray(0, 600));
    expect(detectFileType(tagAndJunk)?.mime).toBe("audio/mpeg");
  });
});

describe("M4A", () => {
  for (const moovFirst of [true, false]) {
    it(`removes tags, place names and recording times (moov ${moovFirst ? "before" : "after"} the audio), keeping the audio addressable`, async () => {
      const { bytes: input, chunks } = m4a({ moovFirst });
      expect(input.includes("Sudirman")).toBe(true);
      const file = await cleanedAudio(input, "memo suara.m4a", "audio/mp4");
      expect(WARNING_MIMES).not.toContain("audio/mp4");

      const out = file.bytes;
      for (const leak of ["Sudirman", "Budi", "+01.6400", "udta", "free", "\xe5\xe5\xe5\xe5"])
        expect(out.includes(leak, 0, "latin1")).toBe(false);
      expect(out.length).toBeLessThan(input.length);
      // Each chunk offset still points at the same audio bytes.
      const offsets = chunkOffsets(out);
      expect(offsets.map((o, i) => out.subarray(o, o + chunks[i]!.length).toString())).toEqual(chunks.map(String));
      expect(detectFileType(out)?.mime).toBe("audio/mp4");
    });
  }

  it("keeps a fragmented file as it is and marks it with a warning", async () => {
    const { bytes: input } = m4a({ fragmented: true });
    const file = await sanitized(input, "a.m4a");
    expect(file).toMatchObject({ strippedMetadata: false, warning: true });
    expect(file.bytes.equals(input)).toBe(true);
  });

  it("refuses MP4 video and other ISO media files", async () => {
    expect(detectFileType(m4a({ handler: "vide" }).bytes)).toBeNull();
    const heic = concat(box("ftyp", ascii("heic"), Buffer.alloc(4), ascii("mif1heic")), box("meta"), box("mdat"));
    expect(detectFileType(heic)).toBeNull();
  });

  it("refuses a file whose boxes are cut short as damaged", async () => {
    const { bytes } = m4a();
    const truncated = Buffer.from(bytes.subarray(0, bytes.length - 10));
    expect(await sanitizeUpload({ bytes: truncated, fileName: "a.m4a" }, opts)).toEqual({
      ok: false,
      reason: "damaged",
    });
  });
});
