import { Readable, Transform, Writable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFObject } from "pdf-lib";
import { UploadRefused } from "./errors.ts";
import { ascii85, asciiHex, lzw, runLength, transformOf } from "./pdf-decoders.ts";

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
    if (streamTotal > streamLimit)
      throw new UploadRefused("unsafe", `pdf: a stream decodes to more than ${streamLimit} bytes`);
    if (this.total > this.fileBytes)
      throw new UploadRefused("unsafe", `pdf: streams decode to more than ${this.fileBytes} bytes`);
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
    return filter.asArray().map((f, i) => ({
      name: nameOf(f),
      earlyChange: earlyChange(params instanceof PDFArray ? params.get(i) : undefined),
    }));
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
export async function measureStream(
  contents: Uint8Array,
  filters: readonly Filter[],
  meter: DecodeMeter,
  limit: number,
): Promise<void> {
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
