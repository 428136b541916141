/**
 * Rewrites of the XML parts of a DOCX/XLSX that keep the document well-formed once active
 * content is gone: relationships and content types of removed parts, the elements that
 * referenced them, fields that fetch or execute, and formulas that reach outside the workbook.
 */
import { UploadRefused } from "./errors.ts";
import { isActiveFormula, isInertField } from "./office-fields.ts";
import { isRemovedContentType } from "./office-active-content.ts";
import { partName } from "./office-package.ts";
import { type XmlElement, XmlEdits, scanXml } from "./xml-scan.ts";

const WORD = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const SHEET = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
]);
const EXCEL_EXTENSIONS = "http://schemas.microsoft.com/office/excel/2006/main";
const RELATIONSHIPS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const VML_OFFICE = "urn:schemas-microsoft-com:office:office";

/**
 * Elements removed whole wherever they appear: templates, subdocuments, imported chunks,
 * frames, mail-merge data sources, ActiveX controls, OLE objects and external workbook
 * references. Their parts are never kept, so nothing can make them work again.
 */
function isAlwaysRemoved(e: XmlElement): boolean {
  if (WORD.has(e.ns))
    return ["attachedTemplate", "subDoc", "altChunk", "frameset", "mailMerge", "control"].includes(e.local);
  if (SHEET.has(e.ns)) return ["oleObjects", "controls", "externalReferences"].includes(e.local);
  return e.ns === VML_OFFICE && e.local === "OLEObject";
}

/** Elements that cannot stand without the relationship they reference (optional where they occur). */
const REMOVED_WITH_REFERENCE = new Set([
  "svgBlip",
  "externalData",
  "externalReference",
  "oleObject",
  "videoFile",
  "audioFile",
  "quickTimeFile",
  "wavAudioFile",
  "sourceFileName",
  "dataSource",
  "headerSource",
]);

interface Field {
  ranges: [number, number][];
  instruction: string;
  inResult: boolean;
}

interface Formula {
  start: number;
  end: number;
  text: string;
  shared: string | null;
}

function attr(e: XmlElement, local: string, ns: Set<string> | string = ""): string | undefined {
  return e.attributes.find((a) => a.local === local && (typeof ns === "string" ? a.ns === ns : ns.has(a.ns)))?.value;
}

/** Clean one XML part; `removedIds` are the Ids removed from this part's relationships. */
export function cleanPartXml(xml: string, removedIds: ReadonlySet<string>): string {
  const edits = new XmlEdits();
  const removing = new Set<XmlElement>();
  const fields: Field[] = [];
  const formulas: Formula[] = [];
  const activeShared = new Set<string>();
  let text: { element: XmlElement; value: string } | null = null;

  const cut = (e: XmlElement) => removing.add(e);
  scanXml(xml, {
    open(e) {
      if (isAlwaysRemoved(e)) return cut(e);
      for (const a of e.attributes) {
        if (!RELATIONSHIPS.has(a.ns) || !removedIds.has(a.value)) continue;
        if (REMOVED_WITH_REFERENCE.has(e.local)) return cut(e);
        // A hyperlink keeps its text, an image its frame: only the reference goes.
        edits.remove(a.start, a.end);
      }
      if (WORD.has(e.ns)) {
        if (e.local === "fldChar") {
          const type = attr(e, "fldCharType", WORD);
          if (type === "begin") fields.push({ ranges: [], instruction: "", inResult: false });
          else if (type === "separate" && fields.length) fields.at(-1)!.inResult = true;
          removing.add(e); // provisional: kept or cut when the field ends
        } else if (e.local === "instrText" || e.local === "delInstrText") {
          text = { element: e, value: "" };
        } else if (e.local === "fldSimple" && !isInertField(attr(e, "instr", WORD) ?? "")) {
          // Keep the displayed result: drop only the field's own tags.
          edits.remove(e.start, e.end);
          if (e.selfClosing) cut(e);
          else removing.add(e);
        }
      }
      if (
        (SHEET.has(e.ns) && ["f", "definedName", "formula", "formula1", "formula2"].includes(e.local)) ||
        (e.ns === EXCEL_EXTENSIONS && e.local === "f")
      ) {
        text = { element: e, value: "" };
      }
    },
    text(value) {
      if (text) text.value += value;
    },
    close(e, end, endTag) {
      if (text?.element === e) {
        const { value } = text;
        text = null;
        if (e.local === "instrText" || e.local === "delInstrText") {
          const field = fields.at(-1);
          if (field && !field.inResult) field.instruction += value;
          if (field) field.ranges.push([e.start, end]);
          else edits.remove(e.start, end); // an instruction outside any field
        } else if (SHEET.has(e.ns) && e.local === "f") {
          const shared = attr(e, "t") === "shared" ? (attr(e, "si") ?? null) : null;
          formulas.push({ start: e.start, end, text: value, shared });
          if (shared !== null && isActiveFormula(value)) activeShared.add(shared);
        } else if (isActiveFormula(value)) {
          if (e.local === "definedName") edits.remove(e.start, end);
          else throw new UploadRefused("unsafe", `active formula in ${e.local}`);
        }
      }
      if (!removing.has(e)) return;
      removing.delete(e);
      if (WORD.has(e.ns) && e.local === "fldChar") {
        const type = attr(e, "fldCharType", WORD);
        const field = fields.at(-1);
        if (!field) return edits.remove(e.start, end);
        field.ranges.push([e.start, end]);
        if (type !== "end") return;
        fields.pop();
        // Judged on its own instruction text: a keyword hidden behind a nested field leaves it unknown, so not inert.
        if (!isInertField(field.instruction)) for (const [s, t] of field.ranges) edits.remove(s, t);
        return;
      }
      if (WORD.has(e.ns) && e.local === "fldSimple") {
        edits.remove(endTag, end);
        return;
      }
      edits.remove(e.start, end);
    },
  });
  // An unterminated field is reduced to its text as well.
  for (const field of fields) for (const [s, t] of field.ranges) edits.remove(s, t);
  // A cell keeps its last computed value (<v>) when its formula goes.
  for (const f of formulas)
    if (isActiveFormula(f.text) || (f.shared !== null && activeShared.has(f.shared))) edits.remove(f.start, f.end);
  return edits.apply(xml);
}

/** Remove the relationships with the given Ids. */
export function cleanRelationshipsXml(xml: string, removedIds: ReadonlySet<string>): string {
  const edits = new XmlEdits();
  scanXml(xml, {
    close(e, end) {
      if (e.local === "Relationship" && removedIds.has(attr(e, "Id") ?? "")) edits.remove(e.start, end);
    },
  });
  return edits.apply(xml);
}

/**
 * Keep only the overrides of parts that remain, and the defaults of extensions that remaining
 * parts use (never one for a removed content type).
 */
export function cleanContentTypesXml(xml: string, kept: ReadonlySet<string>): string {
  const extensions = new Set(["rels", "xml"]);
  for (const part of kept) if (part.includes(".")) extensions.add(part.slice(part.lastIndexOf(".") + 1));
  const edits = new XmlEdits();
  scanXml(xml, {
    close(e, end) {
      const type = attr(e, "ContentType")?.toLowerCase().split(";")[0]!.trim() ?? "";
      if (e.local === "Override" && !kept.has(partName(attr(e, "PartName") ?? ""))) edits.remove(e.start, end);
      else if (
        e.local === "Default" &&
        (isRemovedContentType(type) || !extensions.has(attr(e, "Extension")?.toLowerCase() ?? ""))
      )
        edits.remove(e.start, end);
    },
  });
  return edits.apply(xml);
}
