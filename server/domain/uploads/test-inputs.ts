/** Builders for the uploads tests: small but structurally real files, made in memory. */
import { strToU8, zipSync, type Zippable } from "fflate";
import sharp, { type Sharp } from "sharp";

export const GPS_EXIF = {
  IFD0: { Make: "Samsung", Model: "SM-A525F", Artist: "Budi Santoso" },
  IFD2: { DateTimeOriginal: "2026:11:20 09:15:00" },
  IFD3: {
    GPSLatitudeRef: "S",
    GPSLatitude: "1/1 38/1 2400/100",
    GPSLongitudeRef: "E",
    GPSLongitude: "111/1 11/1 2400/100",
  },
};

export const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Budi Santoso</rdf:li>' +
  "</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>";

/** A noisy gradient, so encoders have real work to do. */
export function pixels(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 24;
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width + noise;
      raw[i + 1] = (y * 255) / height + noise;
      raw[i + 2] = 160 - noise;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

export function concat(...parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts);
}

export function ascii(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

// ---- MP3 -------------------------------------------------------------------------------

/** `count` MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz (417 bytes each). */
export function mp3Frames(count: number): Buffer {
  const frame = Buffer.alloc(417, 0x55);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

function syncsafe(n: number): number[] {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

/** An ID3v2.3 tag with text frames, plus some padding. */
export function id3v2(frames: Record<string, string>): Buffer {
  const body = Buffer.concat([
    ...Object.entries(frames).map(([id, text]) => {
      const data = Buffer.concat([Buffer.from([0]), ascii(text)]);
      const header = Buffer.alloc(10);
      header.write(id, 0, "latin1");
      header.writeUInt32BE(data.length, 4);
      return Buffer.concat([header, data]);
    }),
    Buffer.alloc(64),
  ]);
  return Buffer.concat([ascii("ID3"), Buffer.from([3, 0, 0, ...syncsafe(body.length)]), body]);
}

export function id3v1(title: string, artist: string): Buffer {
  const tag = Buffer.alloc(128);
  tag.write("TAG", 0, "latin1");
  tag.write(title, 3, "latin1");
  tag.write(artist, 33, "latin1");
  return tag;
}

/** An APEv2 tag (header + items + footer). */
export function apeTag(items: Record<string, string>): Buffer {
  const body = Buffer.concat(
    Object.entries(items).map(([key, value]) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(Buffer.byteLength(value), 0);
      return Buffer.concat([head, ascii(`${key}\0`), Buffer.from(value)]);
    }),
  );
  const frame = (isHeader: boolean) => {
    const f = Buffer.alloc(32);
    f.write("APETAGEX", 0, "latin1");
    f.writeUInt32LE(2000, 8);
    f.writeUInt32LE(body.length + 32, 12);
    f.writeUInt32LE(Object.keys(items).length, 16);
    f.writeUInt32LE((0x80000000 | (isHeader ? 0x20000000 : 0)) >>> 0, 20);
    return f;
  };
  return Buffer.concat([frame(true), body, frame(false)]);
}

// ---- M4A -------------------------------------------------------------------------------

export function box(type: string, ...children: Uint8Array[]): Buffer {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

function fullBox(type: string, payload: Buffer): Buffer {
  return box(type, Buffer.from([0, 0, 0, 0]), payload);
}

const RECORDED_AT = 0xe5e5e5e5; // recognisable creation/modification time

function timed(type: string, rest: number): Buffer {
  const payload = Buffer.alloc(8 + rest);
  payload.writeUInt32BE(RECORDED_AT, 0);
  payload.writeUInt32BE(RECORDED_AT, 4);
  return fullBox(type, payload);
}

export interface M4aOptions {
  moovFirst?: boolean;
  handler?: string;
  fragmented?: boolean;
}

/**
 * An M4A with two audio chunks addressed by `stco`, iTunes-style tags and a voice-memo place
 * name in moov/udta, a trak/udta, and free space before the audio.
 */
export function m4a(options: M4aOptions = {}): { bytes: Buffer; chunks: Buffer[] } {
  const { moovFirst = true, handler = "soun", fragmented = false } = options;
  const chunks = [ascii("AUDIO-CHUNK-ONE-0123456789"), ascii("AUDIO-CHUNK-TWO-9876543210")];
  const ftyp = box("ftyp", ascii("M4A "), Buffer.alloc(4), ascii("M4A mp42isom"));
  const free = box("free", ascii("old tags: Rekaman Budi Santoso"));
  const tags = box(
    "udta",
    box(
      "meta",
      Buffer.alloc(4),
      box("hdlr", Buffer.alloc(8), ascii("mdir"), Buffer.alloc(13)),
      box(
        "ilst",
        box("\xa9nam", box("data", Buffer.alloc(8), ascii("Rekaman di Jl. Sudirman"))),
        box("\xa9ART", box("data", Buffer.alloc(8), ascii("Budi Santoso"))),
      ),
    ),
    box("\xa9xyz", ascii("+01.6400+111.1900/")),
  );
  const moov = (offsets: number[]) => {
    const stco = Buffer.alloc(4 + 4 * offsets.length);
    stco.writeUInt32BE(offsets.length, 0);
    offsets.forEach((o, i) => stco.writeUInt32BE(o, 4 + 4 * i));
    const hdlr = fullBox(
      "hdlr",
      Buffer.concat([Buffer.alloc(4), ascii(handler), Buffer.alloc(12), ascii("SoundHandler\0")]),
    );
    const trak = box(
      "trak",
      timed("tkhd", 76),
      box("mdia", timed("mdhd", 16), hdlr, box("minf", box("stbl", fullBox("stco", stco)))),
      box("udta", box("name", ascii("Perekam Budi"))),
    );
    return box("moov", timed("mvhd", 92), trak, ...(fragmented ? [box("mvex")] : []), tags);
  };
  const mdat = box("mdat", ascii("xx"), chunks[0]!, ascii("yyyy"), chunks[1]!);
  const offsetsIn = (mdatStart: number) => [mdatStart + 8 + 2, mdatStart + 8 + 2 + chunks[0]!.length + 4];
  if (moovFirst) {
    const moovSize = moov([0, 0]).length;
    const mdatStart = ftyp.length + moovSize + free.length;
    return { bytes: Buffer.concat([ftyp, moov(offsetsIn(mdatStart)), free, mdat]), chunks };
  }
  const mdatStart = ftyp.length + free.length;
  return { bytes: Buffer.concat([ftyp, free, mdat, moov(offsetsIn(mdatStart))]), chunks };
}

/** The chunk offsets of every stco box in the file, found by a plain byte search. */
export function chunkOffsets(bytes: Buffer): number[] {
  const at = bytes.indexOf("stco");
  const count = bytes.readUInt32BE(at + 8);
  return Array.from({ length: count }, (_, i) => bytes.readUInt32BE(at + 12 + 4 * i));
}

// ---- Office --------------------------------------------------------------------------

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

/** The main document's relationships: its comments and one picture. */
export const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>' +
  "</Relationships>";

export const CORE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  "<dc:title>Rekap Anggaran</dc:title><dc:creator>Budi Santoso</dc:creator><cp:lastModifiedBy>Budi Santoso</cp:lastModifiedBy>" +
  '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-02T08:00:00Z</dcterms:created></cp:coreProperties>';

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
  "<Template>C:\\Users\\budi.santoso\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm</Template>" +
  "<Company>DPMPTSP Kabupaten Lamandau</Company><Application>Microsoft Office Word</Application></Properties>";

export const DOCUMENT_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:body><w:p><w:r><w:t>Pungutan liar di loket 3.</w:t></w:r></w:p><w:p><w:ins w:id="1" w:author="Budi Santoso" w:date="2026-11-03T10:00:00Z">' +
  "<w:r><w:t>Tambahan.</w:t></w:r></w:ins></w:p></w:body></w:document>";

const COMMENTS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:comment w:id="0" w:author="Budi Santoso" w:initials="BS"><w:p><w:r><w:t>Cek lagi</w:t></w:r></w:p></w:comment></w:comments>';

/** A DOCX-like package; `extra` entries are added or replace the defaults. */
export function docx(extra: Zippable = {}): Buffer {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "docProps/core.xml": strToU8(CORE_XML),
    "docProps/app.xml": strToU8(APP_XML),
    "word/document.xml": strToU8(DOCUMENT_XML),
    "word/_rels/document.xml.rels": strToU8(DOCUMENT_RELS),
    "word/comments.xml": strToU8(COMMENTS_XML),
    "word/media/image1.jpeg": new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), // the smallest JPEG: start and end of image
    ...extra,
  };
  return Buffer.from(zipSync(files, { mtime: new Date("2026-11-03T10:00:00Z") }));
}

const SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const XLSX_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';

export const WORKBOOK_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${SHEET_NS}" xmlns:r="${RELS_NS}">` +
  '<sheets><sheet name="Rekap" sheetId="1" r:id="rId1"/></sheets></workbook>';

export const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  "</Relationships>";

export const SHEET_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SHEET_NS}" xmlns:r="${RELS_NS}"><sheetData>` +
  '<row r="1"><c r="A1"><v>150000</v></c><c r="B1"><f>A1*2</f><v>300000</v></c></row></sheetData></worksheet>';

/** An XLSX package with one worksheet and its comments; `extra` entries are added or replace the defaults. */
export function xlsx(extra: Zippable = {}): Buffer {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(XLSX_CONTENT_TYPES),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    ),
    "docProps/core.xml": strToU8(CORE_XML),
    "xl/workbook.xml": strToU8(WORKBOOK_XML),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": strToU8(SHEET_XML),
    "xl/worksheets/_rels/sheet1.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
        "</Relationships>",
    ),
    "xl/comments1.xml": strToU8(
      `<comments xmlns="${SHEET_NS}"><authors><author>Budi Santoso</author></authors><commentList/></comments>`,
    ),
    ...extra,
  };
  return Buffer.from(zipSync(files, { mtime: new Date("2026-11-03T10:00:00Z") }));
}
