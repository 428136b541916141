import { Transform, type TransformCallback } from "node:stream";
import { UploadRefused } from "./errors.ts";

/*
 * Streaming decoders for the PDF filters other than Flate (which zlib decodes), written only to
 * measure: they follow pdf-lib's (pdf.js's) decoders byte for byte and hand their output on in
 * chunks without keeping it.
 */

/** Where a byte decoder writes: fixed-size chunks handed on as they fill. */
class Output {
  private chunk = Buffer.allocUnsafe(64 * 1024);
  private used = 0;

  constructor(private readonly flush: (chunk: Buffer) => void) {}

  byte(b: number): void {
    this.chunk[this.used++] = b;
    if (this.used === this.chunk.length) this.end();
  }

  fill(b: number, count: number): void {
    for (let left = count; left > 0;) {
      const n = Math.min(left, this.chunk.length - this.used);
      this.chunk.fill(b, this.used, this.used + n);
      this.used += n;
      left -= n;
      if (this.used === this.chunk.length) this.end();
    }
  }

  bytes(data: Uint8Array): void {
    for (let at = 0; at < data.length;) {
      const n = Math.min(data.length - at, this.chunk.length - this.used);
      this.chunk.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === this.chunk.length) this.end();
    }
  }

  end(): void {
    if (this.used === 0) return;
    this.flush(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(this.chunk.length);
    this.used = 0;
  }
}

/** A decoder as a byte-at-a-time state machine; returns false at the end of its data. */
type Step = (byte: number, out: Output) => boolean;

/**
 * A byte decoder as a stream stage. It stops by itself past `limit` output bytes: it runs
 * synchronously over a whole input chunk, so it cannot wait for the counter downstream.
 */
export function transformOf(step: () => Step, limit: number): Transform {
  const next = step();
  let ended = false;
  let emitted = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const out = new Output((piece) => {
        emitted += piece.length;
        if (emitted > limit) throw new UploadRefused("unsafe", `pdf: a stream decodes to more than ${limit} bytes`);
        this.push(piece);
      });
      try {
        for (let i = 0; i < chunk.length && !ended; i++) ended = !next(chunk[i]!, out);
      } catch (error) {
        return done(error as Error);
      }
      out.end();
      done();
    },
  });
}

const isSpace = (b: number) => b === 0 || b === 9 || b === 10 || b === 12 || b === 13 || b === 32;

export function asciiHex(): Step {
  let high = -1;
  return (b, out) => {
    if (b === 0x3e) {
      if (high >= 0) out.byte(high << 4); // '>': an odd last digit is followed by 0
      return false;
    }
    if (isSpace(b)) return true;
    const v = b >= 0x30 && b <= 0x39 ? b - 0x30 : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 ? (b | 0x20) - 0x57 : -1;
    if (v < 0) throw new Error("bad hex digit");
    if (high < 0) high = v;
    else {
      out.byte((high << 4) | v);
      high = -1;
    }
    return true;
  };
}

export function ascii85(): Step {
  let group: number[] = [];
  const flush = (out: Output) => {
    if (group.length === 0) return;
    const n = group.length;
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const d of group) value = value * 85 + d;
    for (let i = 0; i < n - 1; i++) out.byte(Math.floor(value / 2 ** (24 - 8 * i)) & 0xff);
    group = [];
  };
  return (b, out) => {
    if (isSpace(b)) return true;
    if (b === 0x7e) {
      flush(out); // '~' of the end marker
      return false;
    }
    if (b === 0x7a && group.length === 0) {
      out.fill(0, 4);
      return true;
    }
    if (b < 0x21 || b > 0x75) throw new Error("bad ascii85 digit");
    group.push(b - 0x21);
    if (group.length === 5) flush(out);
    return true;
  };
}

export function runLength(): Step {
  let copy = 0;
  let repeat = 0;
  return (b, out) => {
    if (copy > 0) {
      out.byte(b);
      copy--;
    } else if (repeat > 0) {
      out.fill(b, repeat);
      repeat = 0;
    } else if (b === 128) return false;
    else if (b < 128) copy = b + 1;
    else repeat = 257 - b;
    return true;
  };
}

/** LZW as pdf-lib (pdf.js) decodes it: 9- to 12-bit codes, 256 clears the table, 257 ends. */
export function lzw(earlyChange: number): () => Step {
  return () => {
    const values = new Uint8Array(4096);
    const lengths = new Uint16Array(4096);
    const prevCodes = new Uint16Array(4096);
    const sequence = new Uint8Array(4096);
    for (let i = 0; i < 256; i++) {
      values[i] = i;
      lengths[i] = 1;
    }
    let sequenceLength = 0;
    let nextCode = 258;
    let codeLength = 9;
    let prevCode = 0;
    let cached = 0;
    let bitsCached = 0;
    const code = (c: number, out: Output): boolean => {
      const hasPrev = sequenceLength > 0;
      if (c < 256) {
        sequence[0] = c;
        sequenceLength = 1;
      } else if (c >= 258) {
        if (c < nextCode) {
          sequenceLength = lengths[c]!;
          for (let j = sequenceLength - 1, q = c; j >= 0; j--) {
            sequence[j] = values[q]!;
            q = prevCodes[q]!;
          }
        } else {
          sequence[sequenceLength++] = sequence[0]!;
        }
      } else if (c === 256) {
        codeLength = 9;
        nextCode = 258;
        sequenceLength = 0;
        return true;
      } else {
        return false;
      }
      if (hasPrev && nextCode < 4096) {
        prevCodes[nextCode] = prevCode;
        lengths[nextCode] = lengths[prevCode]! + 1;
        values[nextCode] = sequence[0]!;
        nextCode++;
        const n = nextCode + earlyChange;
        if ((n & (n - 1)) === 0) codeLength = Math.min(Math.log2(n) + 1, 12);
      }
      prevCode = c;
      out.bytes(sequence.subarray(0, sequenceLength));
      return true;
    };
    return (b, out) => {
      cached = ((cached << 8) | b) & 0xffffff;
      bitsCached += 8;
      while (bitsCached >= codeLength) {
        bitsCached -= codeLength;
        if (!code((cached >>> bitsCached) & ((1 << codeLength) - 1), out)) return false;
      }
      return true;
    };
  };
}
