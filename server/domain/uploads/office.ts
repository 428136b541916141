import { deflateSync, Inflate } from "fflate";
import { crc32 } from "node:zlib";
import { stripJpegMetadata, stripPngMetadata } from "./embedded-images.ts";
import { UploadRefused } from "./errors.ts";
import { entryData, readZipDirectory, stored, writeZip, type ZipEntry, type ZipOutputEntry } from "./zip.ts";

/** Zip-bomb limits: total unpacked size, and unpacked/packed ratio once the total is non-trivial. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_RATIO = 100;
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Entries whose presence makes an Office file more than a document: macros and ActiveX controls. */
export function isActiveContent(name: string): boolean {
  return /(^|\/)vbaProject\.bin$/i.test(name) || /(^|\/)activeX\//i.test(name);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
// Empty but schema-valid property parts: the package keeps its relationships and content types as they were.
const EMPTY_PROPERTIES: Record<string, string> = {
  core:
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  app:
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
  custom:
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
};
const PROPERTY_RELATIONSHIPS: [RegExp, string][] = [
  [/\/metadata\/core-properties$/, "core"],
  [/\/extended-properties$/, "app"],
  [/\/custom-properties$/, "custom"],
];

/** Names of people inside the document parts: comment and revision authors, co-authoring accounts. */
const AUTHOR_ATTRIBUTES = /(\s(?:w|w14|w15|w16\w*):(?:author|initials|userId|providerId)\s*=\s*)(?:"[^"]*"|'[^']*')/g;
const PERSON_ATTRIBUTES = /(\s(?:displayName|userId|providerId)\s*=\s*)(?:"[^"]*"|'[^']*')/g;
// Excel's record of the folder the workbook was last saved in, e.g. C:\Users\<name>\...
const ABSOLUTE_PATH = /(<x15ac:absPath\b[^>]*?\surl\s*=\s*)(?:"[^"]*"|'[^']*')/g;

function scrubXml(name: string, xml: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("word/")) return xml.replace(AUTHOR_ATTRIBUTES, '$1""');
  if (/^xl\/comments[^/]*\.xml$/.test(lower)) return xml.replace(/<author>[^<]*<\/author>/g, "<author></author>");
  if (lower.startsWith("xl/persons/")) return xml.replace(PERSON_ATTRIBUTES, '$1""');
  if (lower === "xl/workbook.xml") return xml.replace(ABSOLUTE_PATH, '$1""');
  return xml;
}

function isScrubbedXml(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    (lower.startsWith("word/") && lower.endsWith(".xml")) ||
    /^xl\/comments[^/]*\.xml$/.test(lower) ||
    lower.startsWith("xl/persons/") ||
    lower === "xl/workbook.xml"
  );
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Inflate (or copy) one entry, checking its size and CRC; `keep` false only verifies. */
function unpack(data: Uint8Array, entry: ZipEntry, keep: boolean): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw new UploadRefused("damaged", `${entry.name}: larger than declared`);
    crc = crc32(chunk, crc);
    if (keep) chunks.push(chunk);
  };
  if (entry.method === 0) take(data);
  else {
    const inflate = new Inflate((chunk) => take(chunk));
    // Small steps bound how much one push can expand (deflate tops out near 1:1032).
    const step = 16 * 1024;
    try {
      for (let p = 0; p < data.length; p += step) inflate.push(data.subarray(p, p + step), p + step >= data.length);
      if (data.length === 0) inflate.push(data, true);
    } catch (error) {
      if (error instanceof UploadRefused) throw error;
      throw new UploadRefused("damaged", `${entry.name}: ${(error as Error).message}`);
    }
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32) throw new UploadRefused("damaged", `${entry.name}: size or CRC`);
  if (!keep) return null;
  const out = new Uint8Array(size);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}

function propertyParts(rels: string | undefined): Map<string, string> {
  const parts = new Map([
    ["docprops/core.xml", "core"],
    ["docprops/app.xml", "app"],
    ["docprops/custom.xml", "custom"],
  ]);
  for (const tag of rels?.match(/<Relationship\b[^>]*>/g) ?? []) {
    const type = /\sType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    const which = PROPERTY_RELATIONSHIPS.find(([pattern]) => pattern.test(type))?.[1];
    if (which && target) parts.set(target.replace(/^\.?\//, "").toLowerCase(), which);
  }
  return parts;
}

/**
 * Rewrite a DOCX/XLSX package: document properties (author, company, last-modified-by,
 * template, custom fields) emptied, people's names removed from comments and revisions,
 * EXIF/text removed from embedded JPEG/PNG images, and the archive rebuilt without entry
 * timestamps or extra fields. Everything else is copied byte for byte.
 */
export function sanitizeOffice(bytes: Uint8Array): Buffer {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new UploadRefused("damaged", "zip directory");

  const names = new Set<string>();
  let unpacked = 0;
  let packed = 0;
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    // Part names are case-insensitive; duplicates would let readers disagree on the content.
    if (names.has(name)) throw new UploadRefused("damaged", `duplicate entry ${entry.name}`);
    names.add(name);
    if (entry.flags & 1) throw new UploadRefused("unsupported_type", "encrypted zip entry");
    if (entry.method !== 0 && entry.method !== 8) throw new UploadRefused("unsupported_type", `zip method ${entry.method}`);
    if (isActiveContent(entry.name)) throw new UploadRefused("unsupported_type", "macros or ActiveX");
    unpacked += entry.uncompressedSize;
    packed += entry.compressedSize;
  }
  if (unpacked > MAX_UNZIPPED_BYTES || (unpacked > RATIO_FLOOR_BYTES && unpacked > packed * MAX_ZIP_RATIO)) {
    throw new UploadRefused("too_large", `zip expands to ${unpacked} bytes from ${packed}`);
  }

  // Entries sharing bytes are how small archives expand without limit (overlapping-file zip bombs).
  const located = entries
    .map((entry) => ({ entry, data: entryData(bytes, entry) }))
    .sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset);
  let previousEnd = 0;
  for (const { entry, data } of located) {
    if (!data || entry.localHeaderOffset < previousEnd) throw new UploadRefused("damaged", `entry ${entry.name}`);
    previousEnd = data.byteOffset - bytes.byteOffset + data.length;
  }

  const relsEntry = located.find(({ entry }) => entry.name === "_rels/.rels");
  const rels = relsEntry?.data ? unpack(relsEntry.data, relsEntry.entry, true) : null;
  const properties = propertyParts(rels ? decoder.decode(rels) : undefined);

  const output: ZipOutputEntry[] = located.map(({ entry, data }) => {
    const lower = entry.name.toLowerCase();
    const property = properties.get(lower);
    const raw = data!;
    if (property) {
      unpack(raw, entry, false);
      return deflated(entry.name, encoder.encode(XML_HEAD + EMPTY_PROPERTIES[property]));
    }
    if (isScrubbedXml(entry.name)) {
      const content = unpack(raw, entry, true)!;
      let xml: string;
      try {
        xml = decoder.decode(content);
      } catch {
        throw new UploadRefused("damaged", `${entry.name}: not UTF-8`);
      }
      const scrubbed = scrubXml(entry.name, xml);
      if (scrubbed !== xml) return deflated(entry.name, encoder.encode(scrubbed));
    } else if (/\.(jpe?g|png)$/.test(lower)) {
      const content = unpack(raw, entry, true)!;
      const clean = lower.endsWith(".png") ? stripPngMetadata(content) : stripJpegMetadata(content);
      if (clean && clean.length !== content.length) return stored(entry.name, clean);
    } else {
      unpack(raw, entry, false);
    }
    return { name: entry.name, method: entry.method as 0 | 8, crc32: entry.crc32, uncompressedSize: entry.uncompressedSize, data: raw };
  });
  return writeZip(output);
}

function deflated(name: string, content: Uint8Array): ZipOutputEntry {
  return { name, method: 8, crc32: crc32(content), uncompressedSize: content.length, data: deflateSync(content, { level: 6 }) };
}
