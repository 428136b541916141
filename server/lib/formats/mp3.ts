/** MP3: recognise MPEG audio frames, and cut ID3v1/ID3v2/APEv2/Lyrics3 tags off the audio. */
import { UploadRefused } from "./errors.ts";

/**
 * Tags stacked at either end. Taggers write one or two of each kind; thousands of them are
 * built to keep the parser busy: `unsafe`. Every loop below also advances by at least one
 * byte (a tag header) per round, so the work is linear in the file size.
 */
export const MAX_TAGS = 32;

// Bitrates in kbit/s by [MPEG-1 ? 0 : 1][layer 1..3][index].
const BITRATES = [
  [
    [],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  [
    [],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
];
const SAMPLE_RATES = [44100, 48000, 32000];

/** Length in bytes of the MPEG audio frame whose header is at `at`, or 0 if there is none. */
export function frameLength(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length) return 0;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return 0;
  const version = (b1 >> 3) & 3; // 0 = 2.5, 1 = reserved, 2 = 2, 3 = 1
  const layer = 4 - ((b1 >> 1) & 3); // 4 = reserved
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  // Free-format bitrate (index 0) cannot be measured, and is practically unused.
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const mpeg1 = version === 3;
  const bitrate = BITRATES[mpeg1 ? 0 : 1]![layer]![bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[rateIndex]! / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  if (layer === 1) return (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  const factor = layer === 3 && !mpeg1 ? 72 : 144;
  return Math.floor((factor * bitrate) / sampleRate) + padding;
}

/** A frame at `at` followed by another frame (or the end): one valid-looking header is too easy to fake. */
export function isFrameStart(bytes: Uint8Array, at: number, end = bytes.length): boolean {
  const length = frameLength(bytes, at);
  if (length === 0 || at + length > end) return false;
  return at + length === end || frameLength(bytes, at + length) > 0;
}

function isAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at < 0 || at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function syncsafe(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const b = bytes[at + i]!;
    if (b & 0x80) return -1;
    n = n * 128 + b;
  }
  return n;
}

/** Byte length of the ID3v2 tag(s) at the start; -1 if a tag header is malformed. */
export function leadingId3Length(bytes: Uint8Array): number {
  let p = 0;
  for (let count = 0; isAscii(bytes, p, "ID3"); count++) {
    if (count >= MAX_TAGS) throw new UploadRefused("unsafe", `mp3: more than ${MAX_TAGS} leading ID3 tags`);
    const size = p + 10 <= bytes.length ? syncsafe(bytes, p + 6) : -1;
    if (size < 0 || bytes[p + 3] === 0xff || bytes[p + 4] === 0xff) return -1;
    p += 10 + size + (bytes[p + 5]! & 0x10 ? 10 : 0);
  }
  return p;
}

// Encoders and taggers may leave zero padding or a little junk between the tag and the audio.
const MAX_SKIP = 64 * 1024;

/** Offset of the first audio frame at or after `from`, or -1. */
export function findAudioStart(bytes: Uint8Array, from: number, end = bytes.length): number {
  const limit = Math.min(end, from + MAX_SKIP);
  for (let p = from; p < limit; p++) {
    if (bytes[p] === 0xff && isFrameStart(bytes, p, end)) return p;
  }
  return -1;
}

/** End of the audio once trailing tags (ID3v1, enhanced TAG+, APEv2, Lyrics3v2, appended ID3v2) are cut off. */
function audioEnd(bytes: Uint8Array, start: number): number {
  let end = bytes.length;
  for (let changed = true, count = 0; changed; count++) {
    if (count > MAX_TAGS) throw new UploadRefused("unsafe", `mp3: more than ${MAX_TAGS} trailing tags`);
    changed = false;
    const cut = (length: number) => {
      if (length > 0 && end - length >= start) {
        end -= length;
        changed = true;
      }
    };
    if (isAscii(bytes, end - 128, "TAG")) cut(128);
    else if (isAscii(bytes, end - 227, "TAG+")) cut(227);
    else if (isAscii(bytes, end - 32, "APETAGEX")) {
      const dv = new DataView(bytes.buffer, bytes.byteOffset + end - 32, 32);
      const hasHeader = dv.getUint32(20, true) & 0x80000000;
      cut(dv.getUint32(12, true) + (hasHeader ? 32 : 0));
    } else if (isAscii(bytes, end - 9, "LYRICS200")) {
      const size = Number(String.fromCharCode(...bytes.subarray(end - 15, end - 9)));
      if (Number.isInteger(size)) cut(size + 15);
    } else if (isAscii(bytes, end - 10, "3DI")) {
      const size = syncsafe(bytes, end - 4);
      if (size >= 0) cut(size + 20);
    }
  }
  return end;
}

/** The bare MPEG audio frames, or null if no audio is found. */
export function stripMp3Tags(bytes: Uint8Array): Uint8Array | null {
  const tags = leadingId3Length(bytes);
  if (tags < 0 || tags >= bytes.length) return null;
  const end = audioEnd(bytes, tags);
  const start = findAudioStart(bytes, tags, end);
  if (start < 0) return null;
  return bytes.subarray(start, end);
}
