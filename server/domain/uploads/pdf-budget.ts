import { Readable, Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFObject } from "pdf-lib";
import { UploadRefused } from "./errors.ts";

/**
 * What one PDF may cost the server. A stream's filters can expand a few kilobytes into gigabytes,
 * so every filtered stream is measured with a streaming decoder that stops at the budget before
 * anything holds its decoded bytes.
 */
export const PDF_BUDGET = {
  /** Decoded bytes of one stream (a 300 dpi A4 colour scan is ~26 MB). */
  streamBytes: 64 * 1024 * 1024,
  /** Decoded bytes of one object or cross-reference stream, which the parser holds in memory. */
  objectStreamBytes: 16 * 1024 * 1024,
  /** Decoded bytes of all streams of the file together. */
  fileBytes: 256 * 1024 * 1024,
  /** Indirect objects, in the file and inside its object streams. */
  objects: 100_000,
};

export type PdfBudget = typeof PDF_BUDGET;

/** Counts decoded bytes against a per-stream and a per-file limit. */
export class DecodeMeter {
  private total = 0;

  constructor(private readonly fileBytes: number) {}

  /** Bytes decoded so far, all streams and stages together. */
  get bytes(): number {
    return this.total;
  }

  /** Adds `bytes` decoded from a stream that so far produced `streamTotal` of its `streamLimit`. */
  charge(bytes: number, streamTotal: number, streamLimit: number): void {
    this.total += bytes;
    if (streamTotal > streamLimit) throw new UploadRefused("unsafe", `pdf: a stream decodes to more than ${streamLimit} bytes`);
    if (this.total > this.fileBytes) throw new UploadRefused("unsafe", `pdf: streams decode to more than ${this.fileBytes} bytes`);
  }
}

// Image codecs end the measurement: their output is bounded by the image's declared size and
// nothing on the server decodes them.
const IMAGE_FILTERS = new Set(["DCTDecode", "JPXDecode", "CCITTFaxDecode", "JBIG2Decode"]);
const SYNC_LIMIT = 1024 * 1024;
// Input is fed in slices so a byte decoder (which cannot pause mid-chunk) hands on at most
// ~2700 times this before the counter downstream can stop it.
const SLICE = 4096;

function* slices(contents: Uint8Array): Generator<Buffer> {
  const buffer = Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
  for (let at = 0; at < buffer.length; at += SLICE) yield buffer.subarray(at, at + SLICE);
}

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
    for (let left = count; left > 0; ) {
      const n = Math.min(left, this.chunk.length - this.used);
      this.chunk.fill(b, this.used, this.used + n);
      this.used += n;
      left -= n;
      if (this.used === this.chunk.length) this.end();
    }
  }

  bytes(data: Uint8Array): void {
    for (let at = 0; at < data.length; ) {
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
function transformOf(step: () => Step, limit: number): Transform {
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

function asciiHex(): Step {
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

function ascii85(): Step {
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

function runLength(): Step {
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
function lzw(earlyChange: number): () => Step {
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

/** A zlib header as pdf.js accepts it: deflate, a valid check, no preset dictionary. */
function isZlibHeader(cmf: number, flg: number): boolean {
  return (cmf & 0x0f) === 8 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/**
 * Checks and drops the two-byte zlib header, so that raw inflation follows: like pdf.js, the
 * checksum after the data is not verified (many writers get it wrong).
 */
function zlibHeader(): Transform {
  const header: number[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      let rest = chunk;
      while (header.length < 2 && rest.length > 0) {
        header.push(rest[0]!);
        rest = rest.subarray(1);
      }
      if (header.length === 2 && !isZlibHeader(header[0]!, header[1]!)) return done(new Error("bad zlib header"));
      done(null, rest.length > 0 ? rest : undefined);
    },
  });
}

/** The decoders of the filters that expand data; `null` for a filter that cannot be measured. */
function decoder(filter: string, earlyChange: number): ((limit: number) => Transform[]) | null {
  switch (filter) {
    case "LZWDecode":
      return (limit) => [transformOf(lzw(earlyChange), limit)];
    case "FlateDecode":
      return () => [zlibHeader(), zlib.createInflateRaw({ chunkSize: 256 * 1024 })];
    case "ASCIIHexDecode":
      return (limit) => [transformOf(asciiHex, limit)];
    case "ASCII85Decode":
      return (limit) => [transformOf(ascii85, limit)];
    case "RunLengthDecode":
      return (limit) => [transformOf(runLength, limit)];
    default:
      return null;
  }
}

/** A filter's name and, for LZW, its EarlyChange parameter (default 1). */
export interface Filter {
  name: string;
  earlyChange?: number;
}

/**
 * The filters of a stream dictionary, read as pdf-lib's decoder reads them. With `directOnly`
 * (before the file is parsed, when references cannot be resolved) an indirect filter or
 * parameter is refused, since it could resolve to anything.
 */
export function streamFilters(dict: PDFDict, directOnly: boolean): Filter[] {
  const value = (object: PDFObject | undefined): PDFObject | undefined => {
    if (!(object instanceof PDFRef)) return object;
    if (directOnly) throw new UploadRefused("unsafe", "pdf: indirect stream filter");
    return dict.context.lookup(object);
  };
  const earlyChange = (params: PDFObject | undefined) => {
    const parms = value(params);
    const n = parms instanceof PDFDict ? value(parms.get(PDFName.of("EarlyChange"))) : undefined;
    return n instanceof PDFNumber ? n.asNumber() : 1;
  };
  const filter = value(dict.get(PDFName.of("Filter")));
  const params = value(dict.get(PDFName.of("DecodeParms")));
  const nameOf = (f: PDFObject | undefined) => {
    const name = value(f);
    if (!(name instanceof PDFName)) throw new UploadRefused("unsafe", "pdf: bad stream filter");
    return name.decodeText();
  };
  if (filter === undefined) return [];
  if (filter instanceof PDFArray) {
    return filter.asArray().map((f, i) => ({ name: nameOf(f), earlyChange: earlyChange(params instanceof PDFArray ? params.get(i) : undefined) }));
  }
  return [{ name: nameOf(filter), earlyChange: earlyChange(params) }];
}

/** The general-purpose filters of a stream, in order, up to the first image codec. */
function decoders(filters: readonly Filter[]): ((limit: number) => Transform[])[] {
  const out: ((limit: number) => Transform[])[] = [];
  for (const { name, earlyChange } of filters) {
    if (IMAGE_FILTERS.has(name)) break;
    const make = decoder(name, earlyChange ?? 1);
    // Crypt and unknown filters: a size that cannot be measured is refused.
    if (!make) throw new UploadRefused("unsafe", `pdf: filter ${name} cannot be measured`);
    out.push(make);
  }
  return out;
}

/** Counts what passes through, charging the meter; fails past the stream's limit. */
function counter(meter: DecodeMeter, limit: number, state: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      state.bytes += chunk.length;
      try {
        meter.charge(chunk.length, state.bytes, limit);
      } catch (error) {
        return done(error as Error);
      }
      done(null, chunk);
    },
  });
}

/** The common case, a single small Flate stream, decoded at once (output capped) without a pipeline. */
function trySync(contents: Uint8Array, filters: readonly Filter[], meter: DecodeMeter, limit: number): boolean {
  if (filters.length !== 1 || filters[0]!.name !== "FlateDecode") return false;
  if (contents.length < 2) return true; // empty: nothing to decode
  if (!isZlibHeader(contents[0]!, contents[1]!)) throw new UploadRefused("unsafe", "pdf: undecodable stream (header)");
  let size: number;
  try {
    size = zlib.inflateRawSync(contents.subarray(2), { maxOutputLength: Math.min(SYNC_LIMIT, limit + 1) }).length;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Too big for one go, or truncated: measured by the stream path, which counts what it decoded.
    if (code === "ERR_BUFFER_TOO_LARGE" || code === "Z_BUF_ERROR") return false;
    throw new UploadRefused("unsafe", `pdf: undecodable stream (${code ?? "error"})`);
  }
  meter.charge(size, size, limit);
  return true;
}

/**
 * Decode `contents` through `filters` without keeping the output, charging every stage's output
 * to `meter`. Throws `UploadRefused("unsafe")` past a limit, for a filter that cannot be measured,
 * and for corrupt data (decoders disagree on where corrupt data ends, so its size is unknown);
 * data that simply stops early is measured as far as it goes.
 */
export async function measureStream(contents: Uint8Array, filters: readonly Filter[], meter: DecodeMeter, limit: number): Promise<void> {
  const stages = decoders(filters);
  if (stages.length === 0) return;
  if (trySync(contents, filters, meter, limit)) return;
  const state = { bytes: 0 };
  const chain: Transform[] = [];
  for (const make of stages) chain.push(...make(limit), counter(meter, limit, state));
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    await pipeline([Readable.from(slices(contents)), ...chain, sink]);
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    if ((error as { code?: string }).code === "Z_BUF_ERROR") return;
    throw new UploadRefused("unsafe", `pdf: undecodable stream (${(error as Error).message})`);
  }
}
