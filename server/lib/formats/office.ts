import { deflateSync } from "fflate";
import { crc32 } from "node:zlib";
import { stripJpegMetadata, stripPngMetadata } from "./embedded-images.ts";
import { UploadRefused } from "./errors.ts";
import { planPackage } from "./office-active-content.ts";
import {
  CONTENT_TYPES_PART,
  contentTypeOf,
  parseContentTypes,
  parseRelationships,
  partName,
  type Relationship,
  relsPartOf,
  resolveTarget,
} from "./office-package.ts";
import { cleanContentTypesXml, cleanPartXml, cleanRelationshipsXml } from "./office-xml-clean.ts";
import {
  entryData,
  inflateAllowance,
  inflateWithin,
  MAX_ENTRY_BYTES,
  MAX_UNZIPPED_BYTES,
  MAX_ZIP_ENTRIES,
  readZipDirectory,
  stored,
  writeZip,
  type ZipEntry,
  type ZipOutputEntry,
} from "./zip.ts";

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

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

function text(name: string, content: Uint8Array): string {
  try {
    return decoder.decode(content);
  } catch {
    throw new UploadRefused("damaged", `${name}: not UTF-8`);
  }
}

function isXmlContentType(type: string): boolean {
  return type.endsWith("+xml") || type === "application/xml" || type === "text/xml";
}

function propertyParts(rels: Relationship[] | null): Map<string, string> {
  const parts = new Map([
    ["docprops/core.xml", "core"],
    ["docprops/app.xml", "app"],
    ["docprops/custom.xml", "custom"],
  ]);
  for (const rel of rels ?? []) {
    const which = PROPERTY_RELATIONSHIPS.find(([pattern]) => pattern.test(rel.type))?.[1];
    if (which && rel.target && !rel.external) parts.set(resolveTarget("", rel.target), which);
  }
  return parts;
}

interface Located {
  entry: ZipEntry;
  data: Uint8Array;
  part: string;
}

/**
 * The entries of the archive, each inflated once under the decompression budget (checking its
 * size and CRC). Returns the first bytes of every part and the full text of the package's own
 * XML (content types and relationships), which decide what else is kept.
 */
function readPackage(bytes: Uint8Array): {
  located: Located[];
  heads: Map<string, Uint8Array>;
  structure: Map<string, string>;
} {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new UploadRefused("damaged", "zip directory");
  if (entries.length > MAX_ZIP_ENTRIES) throw new UploadRefused("unsafe", `${entries.length} zip entries`);

  const names = new Set<string>();
  let declared = 0;
  for (const entry of entries) {
    const name = partName(entry.name);
    // Part names are case-insensitive (and may be percent-encoded); duplicates would let readers disagree on
    // the content.
    if (names.has(name)) throw new UploadRefused("damaged", `duplicate entry ${entry.name}`);
    names.add(name);
    if (entry.flags & 1) throw new UploadRefused("unsupported_type", "encrypted zip entry");
    if (entry.method !== 0 && entry.method !== 8)
      throw new UploadRefused("unsupported_type", `zip method ${entry.method}`);
    if (isActiveContent(entry.name)) throw new UploadRefused("unsupported_type", "macros or ActiveX");
    declared += entry.uncompressedSize;
  }
  // Declared sizes can only refuse early, never allow: the inflation below enforces the budget on real bytes.
  if (declared > MAX_UNZIPPED_BYTES) throw new UploadRefused("unsafe", `zip declares ${declared} bytes`);

  // Entries sharing bytes are how small archives expand without limit (overlapping-file zip bombs).
  const located: Located[] = [];
  for (const entry of entries.toSorted((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const data = entryData(bytes, entry);
    if (!data) throw new UploadRefused("damaged", `entry ${entry.name}`);
    const previous = located.at(-1);
    if (previous && entry.localHeaderOffset < previous.data.byteOffset - bytes.byteOffset + previous.data.length) {
      throw new UploadRefused("unsafe", `entry ${entry.name} overlaps ${previous.entry.name}`);
    }
    located.push({ entry, data, part: partName(entry.name) });
  }

  const packed = located.reduce((sum, { data }) => sum + data.length, 0);
  const fileLimit = inflateAllowance(packed, MAX_UNZIPPED_BYTES);
  let inflated = 0;
  const heads = new Map<string, Uint8Array>();
  const structure = new Map<string, string>();
  for (const { entry, data, part } of located) {
    // The declared size only narrows the limit: an entry that inflates past it is lying about its expansion.
    const limit = Math.min(
      inflateAllowance(data.length, MAX_ENTRY_BYTES),
      fileLimit - inflated,
      entry.uncompressedSize,
    );
    const content = inflateWithin(entry.name, entry.method, data, limit);
    inflated += content.length;
    if (content.length !== entry.uncompressedSize || crc32(content) !== entry.crc32)
      throw new UploadRefused("damaged", `${entry.name}: size or CRC`);
    heads.set(part, content.slice(0, 8));
    if (part === CONTENT_TYPES_PART || part.endsWith(".rels")) structure.set(part, text(entry.name, content));
  }
  return { located, heads, structure };
}

/** An entry already checked by readPackage, inflated again when its content is rewritten. */
function inflateAll({ entry, data }: Located): Uint8Array {
  return inflateWithin(entry.name, entry.method, data, entry.uncompressedSize);
}

/**
 * Rewrite a DOCX/XLSX package under the decompression budget:
 * - active content removed or the file refused (see office-active-content.ts): nothing external,
 *   no macros, OLE, ActiveX, altChunk, templates, or fields and formulas that fetch or execute;
 * - document properties (author, company, last-modified-by, template, custom fields) emptied,
 *   people's names removed from comments and revisions, EXIF/text removed from embedded
 *   JPEG/PNG images;
 * - the archive rebuilt without entry timestamps or extra fields. Untouched parts are copied
 *   byte for byte.
 */
export function sanitizeOffice(bytes: Uint8Array): Buffer {
  const { located, heads, structure } = readPackage(bytes);
  const typesXml = structure.get(CONTENT_TYPES_PART);
  if (typesXml === undefined) throw new UploadRefused("unsupported_type", "no [Content_Types].xml");
  const types = parseContentTypes(typesXml);
  const relationships = new Map<string, Relationship[]>();
  const relationshipsOf = (source: string) => {
    const part = relsPartOf(source);
    const xml = structure.get(part);
    if (xml === undefined) return null;
    if (!relationships.has(part)) relationships.set(part, parseRelationships(xml));
    return relationships.get(part)!;
  };
  const plan = planPackage({ types, heads, relationships: relationshipsOf });
  const properties = propertyParts(relationshipsOf(""));
  const none = new Set<string>();

  const output: ZipOutputEntry[] = [];
  for (const item of located) {
    const { entry, data, part } = item;
    const copy = {
      name: entry.name,
      method: entry.method as 0 | 8,
      crc32: entry.crc32,
      uncompressedSize: entry.uncompressedSize,
      data,
    };
    if (part === CONTENT_TYPES_PART) {
      output.push(rewritten(copy, typesXml, cleanContentTypesXml(typesXml, plan.keep)));
      continue;
    }
    if (!plan.keep.has(part)) continue;
    const property = properties.get(part);
    if (property) {
      output.push(deflated(entry.name, encoder.encode(XML_HEAD + EMPTY_PROPERTIES[property])));
    } else if (part.endsWith(".rels")) {
      const xml = structure.get(part)!;
      output.push(rewritten(copy, xml, cleanRelationshipsXml(xml, plan.removed.get(part) ?? none)));
    } else if (isXmlContentType(contentTypeOf(types, part))) {
      const xml = text(entry.name, inflateAll(item));
      output.push(
        rewritten(copy, xml, scrubXml(entry.name, cleanPartXml(xml, plan.removed.get(relsPartOf(part)) ?? none))),
      );
    } else if (/\.(jpe?g|png)$/.test(part)) {
      const content = inflateAll(item);
      const clean = part.endsWith(".png") ? stripPngMetadata(content) : stripJpegMetadata(content);
      output.push(clean && clean.length !== content.length ? stored(entry.name, clean) : copy);
    } else {
      output.push(copy);
    }
  }
  return writeZip(output);
}

function rewritten(copy: ZipOutputEntry, before: string, after: string): ZipOutputEntry {
  return after === before ? copy : deflated(copy.name, encoder.encode(after));
}

function deflated(name: string, content: Uint8Array): ZipOutputEntry {
  return {
    name,
    method: 8,
    crc32: crc32(content),
    uncompressedSize: content.length,
    data: deflateSync(content, { level: 6 }),
  };
}
