import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ACCEPTED_MIMES } from "./formats.ts";
import { DOCX_ATTACKS, DOCX_REFUSED, XLSX_ATTACKS, XLSX_REFUSED } from "./office-attacks.ts";
import { sanitizeUpload } from "./sanitize.ts";
import { docx, xlsx } from "./test-inputs.ts";

const opts = { maxBytes: 10 * 1024 * 1024, allowedMimes: ACCEPTED_MIMES };

async function clean(bytes: Buffer, fileName: string): Promise<Record<string, Uint8Array>> {
  const result = await sanitizeUpload({ bytes, fileName }, opts);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return unzipSync(result.file.bytes); // checks every entry's CRC
}

function decode(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const FORBIDDEN_RELATIONSHIPS =
  /\/(oleObject|package|control|activeXControlBinary|aFChunk|attachedTemplate|subDocument|frame|externalLink|externalLinkPath|connections|queryTable|vbaProject\w*|wordVbaData|xlMacrosheet|mailMergeSource)$/i;
const FORBIDDEN_CONTENT_TYPES =
  /vbaProject|activeX|oleObject|macroEnabled|externalLink|connections\+xml|queryTable|macrosheet|message\/rfc822|spreadsheetml\.sheet"|svg/i;
const FORBIDDEN_ELEMENTS =
  /<(\w+:)?(attachedTemplate|subDoc|altChunk|frameset|OLEObject|oleObject|control|externalReference|mailMerge|dataSource)\b/;
const ACTIVE_INSTRUCTION = /DDE|INCLUDE|IMPORT|LINK|EMBED|CMD|CALC|HTTP|EVIL/i;
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolve(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s && s !== ".") segments.push(s);
  }
  return segments.join("/");
}

/** Tags balance (a crude but independent well-formedness check). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, self] of xml
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, "")
    .matchAll(/<(\/?)([\w.:-]+)(?:\s[^>]*?)?(\/?)>/g)) {
    if (self) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

/**
 * What a hostile package could still do after cleaning, found by re-reading the output with
 * plain string checks (not with the sanitiser's own parser). Empty when the package is clean.
 */
export function findActiveContent(parts: Record<string, Uint8Array>): string[] {
  const findings: string[] = [];
  const names = Object.keys(parts);
  const referenced = new Set(["[Content_Types].xml"]);
  const ids = new Map<string, Set<string>>();
  for (const name of names.filter((n) => n.endsWith(".rels"))) {
    const xml = strFromU8(parts[name]!);
    const source = name === "_rels/.rels" ? "" : name.replace(/_rels\/([^/]+)\.rels$/, "$1");
    ids.set(name, new Set());
    for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const attr = (a: string) => new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1] ?? "";
      ids.get(name)!.add(attr("Id"));
      if (/^external$/i.test(attr("TargetMode"))) findings.push(`${name}: external ${attr("Target")}`);
      if (FORBIDDEN_RELATIONSHIPS.test(attr("Type"))) findings.push(`${name}: relationship ${attr("Type")}`);
      const target = resolve(source, decodeURIComponent(attr("Target")));
      if (!names.includes(target)) findings.push(`${name}: dangling ${target}`);
      referenced.add(target);
    }
  }
  if (FORBIDDEN_CONTENT_TYPES.test(strFromU8(parts["[Content_Types].xml"]!)))
    findings.push("content type of active content");
  for (const name of names) {
    const bytes = parts[name]!;
    const source = name.endsWith(".rels")
      ? name === "_rels/.rels"
        ? "[Content_Types].xml"
        : name.replace(/_rels\/([^/]+)\.rels$/, "$1")
      : name;
    if (!referenced.has(source)) findings.push(`${name}: not reached by any relationship`);
    if (
      [
        [0xd0, 0xcf, 0x11, 0xe0],
        [0x50, 0x4b, 0x03, 0x04],
        [0x4d, 0x5a],
      ].some((m) => m.every((b, i) => bytes[i] === b))
    )
      findings.push(`${name}: OLE, archive or executable`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(bytes);
    if (!balanced(xml)) findings.push(`${name}: not well-formed`);
    if (decode(xml).includes("evil.example")) findings.push(`${name}: mentions the attacker's host`);
    if (FORBIDDEN_ELEMENTS.test(xml)) findings.push(`${name}: ${FORBIDDEN_ELEMENTS.exec(xml)![0]}`);
    const instructions = [...xml.matchAll(/<(?:\w+:)?(?:del)?instrText\b[^>]*>([^<]*)</g)].map((m) => m[1]).join("");
    const simple = [...xml.matchAll(/\sinstr="([^"]*)"|\sinstr='([^']*)'/g)].map((m) => m[1] ?? m[2]).join(" ");
    if (ACTIVE_INSTRUCTION.test(decode(instructions + simple).replace(/HYPERLINK \\l "_Toc\d+"/g, "")))
      findings.push(`${name}: field ${decode(instructions + simple)}`);
    for (const [, formula] of xml.matchAll(/<(?:f|definedName)\b[^>]*>([^<]*)</g)) {
      if (/\||\[\d+\]|WEBSERVICE|http/i.test(decode(formula!).replace(/"[^"]*"/g, "")))
        findings.push(`${name}: formula ${formula}`);
    }
    // Every reference to a relationship names one that exists.
    for (const [, prefix] of xml.matchAll(new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS}"`, "g"))) {
      for (const [, value] of xml.matchAll(new RegExp(`\\s${prefix}:\\w+="([^"]*)"`, "g"))) {
        if (!ids.get(relsPartOf(name))?.has(value!))
          findings.push(`${name}: reference to missing relationship ${value}`);
      }
    }
  }
  return findings;
}

describe("ordinary Office files", () => {
  it("pass the same check untouched: every part kept, nothing flagged", async () => {
    for (const [input, name] of [
      [docx(), "a.docx"],
      [xlsx(), "a.xlsx"],
    ] as const) {
      expect(findActiveContent(unzipSync(input))).toEqual([]);
      const parts = await clean(input, name);
      expect(Object.keys(parts).sort()).toEqual(Object.keys(unzipSync(input)).sort());
      expect(findActiveContent(parts)).toEqual([]);
    }
  });
});

describe("active content in DOCX", () => {
  for (const [technique, build] of Object.entries(DOCX_ATTACKS)) {
    it(`removes ${technique} and keeps the document`, async () => {
      const input = build();
      expect(findActiveContent(unzipSync(input)).length).toBeGreaterThan(0); // the crafted file does carry it
      const parts = await clean(input, "laporan.docx");
      expect(findActiveContent(parts)).toEqual([]);
      expect(strFromU8(parts["word/document.xml"]!)).toContain("Pungutan liar di loket 3.");
    });
  }

  it("keeps what the reader sees: link text, field results, the picture frame", async () => {
    const link = strFromU8((await clean(DOCX_ATTACKS.externalHyperlink!(), "a.docx"))["word/document.xml"]!);
    expect(link).toContain("<w:hyperlink><w:r><w:t>klik di sini</w:t></w:r></w:hyperlink>");

    const fields = await clean(DOCX_ATTACKS.fieldCodes!(), "a.docx");
    const document = strFromU8(fields["word/document.xml"]!);
    for (const result of ["gambar", "hasil dde", "2", "tautan", "Daftar isi"])
      expect(document).toContain(`<w:t>${result}</w:t>`);
    expect(document).toContain('HYPERLINK \\l "_Toc1"'); // a link inside the document stays a field
    expect(document).toContain(">PAGE<");
    expect(strFromU8(fields["word/header1.xml"]!)).toContain("<w:p><w:r><w:t>kop</w:t></w:r></w:p>");

    const pictures = strFromU8((await clean(DOCX_ATTACKS.externalImages!(), "a.docx"))["word/document.xml"]!);
    expect(pictures).toContain(
      '<a:blip r:embed="rId2"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"></a:ext></a:extLst></a:blip>',
    ); // the PNG stays

    const ole = strFromU8((await clean(DOCX_ATTACKS.oleEmbedding!(), "a.docx"))["word/document.xml"]!);
    expect(ole).toContain('<w:object><v:shape id="ole1"><v:imagedata r:id="rId2"/></v:shape></w:object>');
  });

  for (const [technique, build] of Object.entries(DOCX_REFUSED)) {
    it(`refuses ${technique}`, async () => {
      expect(await sanitizeUpload({ bytes: build(), fileName: "a.docx" }, opts)).toEqual({
        ok: false,
        reason: "unsafe",
      });
    });
  }
});

describe("active content in XLSX", () => {
  for (const [technique, build] of Object.entries(XLSX_ATTACKS)) {
    it(`removes ${technique} and keeps the workbook`, async () => {
      const input = build();
      expect(findActiveContent(unzipSync(input)).length).toBeGreaterThan(0);
      const parts = await clean(input, "anggaran.xlsx");
      expect(findActiveContent(parts)).toEqual([]);
      expect(strFromU8(parts["xl/worksheets/sheet1.xml"]!)).toContain('<c r="A1"><v>150000</v></c>');
    });
  }

  it("keeps the last computed values of removed formulas, and formulas that stay inside the workbook", async () => {
    const formulas = await clean(XLSX_ATTACKS.ddeFormulas!(), "a.xlsx");
    expect(formulas["xl/calcChain.xml"]).toBeUndefined(); // it would list cells that no longer have formulas
    const sheet = strFromU8(formulas["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain(
      '<c r="B1"><v>0</v></c><c r="C1"><v>0</v></c><c r="D1"><v>0</v></c><c r="E1"><v>ok</v></c>',
    );
    expect(sheet).toContain('<c r="F1"><f>SUM(A1,"a|b")</f><v>150000</v></c>');
    const links = await clean(XLSX_ATTACKS.externalLink!(), "a.xlsx");
    expect(strFromU8(links["xl/worksheets/sheet1.xml"]!)).toContain('<c r="B1"><v>42</v></c>');
    expect(strFromU8(links["xl/workbook.xml"]!)).toContain("<definedNames></definedNames>");
    const hyperlink = strFromU8((await clean(XLSX_ATTACKS.hyperlinkAndOle!(), "a.xlsx"))["xl/worksheets/sheet1.xml"]!);
    expect(hyperlink).toContain('<hyperlinks><hyperlink ref="A1"/></hyperlinks>');
  });

  for (const [technique, build] of Object.entries(XLSX_REFUSED)) {
    it(`refuses ${technique}`, async () => {
      expect(await sanitizeUpload({ bytes: build(), fileName: "a.xlsx" }, opts)).toEqual({
        ok: false,
        reason: "unsafe",
      });
    });
  }
});
