/**
 * Which parts and relationships of a DOCX/XLSX may reach a staff desktop. Judged by
 * relationship types, content types and the parts' own bytes, never by part names:
 * - every external relationship is removed (templates, linked images, hyperlinks, OLE links,
 *   frames, subdocuments, external workbooks, data sources), so opening fetches nothing;
 * - OLE objects, embedded packages, VBA projects and their data, ActiveX controls, altChunk
 *   imports, templates, subdocuments, frames, external links, data connections and query tables
 *   are removed, together with every part only they made reachable;
 * - SVG pictures are removed (their PNG fallback stays);
 * - a part whose bytes are an archive or an OLE compound file is removed whatever it is called
 *   or labelled (nested archives are never unpacked);
 * - parts no relationship reaches are dropped, so nothing travels hidden in the package;
 * - what cannot be removed and leave a working document is refused: a macro-enabled main
 *   document, and Excel 4 macro or dialog sheets.
 */
import { UploadRefused } from "./errors.ts";
import {
  contentTypeOf,
  type ContentTypes,
  type Relationship,
  relationshipKind,
  relsPartOf,
  resolveTarget,
} from "./office-package.ts";

const REMOVED_RELATIONSHIPS = new Set([
  "oleobject",
  "package",
  "control",
  "activexcontrolbinary",
  "afchunk",
  "attachedtemplate",
  "subdocument",
  "frame",
  "externallink",
  "externallinkpath",
  "connections",
  "querytable",
  "vbaproject",
  "vbaprojectsignature",
  "vbaprojectsignatureagile",
  "vbaprojectsignaturev3",
  "wordvbadata",
  "keymapcustomizations",
  "attachedtoolbars",
  "extensibility",
  "webextension",
  "webextensiontaskpanes",
  "mailmergesource",
  "mailmergeheadersource",
  "mailmergerecipientdata",
  "powerpivotdata",
  // Not active, but derived: Excel rebuilds it, and it would name cells whose formulas were removed.
  "calcchain",
]);
const REFUSED_RELATIONSHIPS = new Set(["xlmacrosheet", "xlintlmacrosheet", "dialogsheet"]);

const REMOVED_CONTENT_TYPES = new Set([
  "application/vnd.ms-office.vbaproject",
  "application/vnd.ms-office.vbaprojectsignature",
  "application/vnd.ms-office.vbaprojectsignatureagile",
  "application/vnd.ms-office.vbaprojectsignaturev3",
  "application/vnd.ms-word.vbadata+xml",
  "application/vnd.ms-office.activex+xml",
  "application/vnd.ms-office.activex",
  "application/vnd.openxmlformats-officedocument.oleobject",
  "application/vnd.ms-word.keymapcustomizations+xml",
  "application/vnd.ms-word.attachedtoolbars",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.externallink+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.querytable+xml",
  // SVG can carry scripts and external references; Office keeps a PNG fallback beside it.
  "image/svg+xml",
]);
const REFUSED_CONTENT_TYPES = new Set([
  "application/vnd.ms-excel.macrosheet+xml",
  "application/vnd.ms-excel.intlmacrosheet+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml",
]);
/** Main parts of documents without macros; anything else as the main part is refused. */
const MAIN_CONTENT_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
]);

/** Content types that are never passed on, also as a Default of [Content_Types].xml. */
export function isRemovedContentType(type: string): boolean {
  // A whole document (an embedded .docx/.xlsx/.doc…) or anything macro-enabled is not a part of this one.
  return (
    REMOVED_CONTENT_TYPES.has(type) ||
    REFUSED_CONTENT_TYPES.has(type) ||
    type.includes("macroenabled") ||
    /officedocument\.\w+ml\.(document|sheet|presentation|template|slideshow)$/.test(type) ||
    /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|x-msdownload|x-ole-storage)$/.test(type)
  );
}

const MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip: a nested archive
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE compound file: VBA, OLE objects, legacy Office
  [0x4d, 0x5a], // Windows executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF executable
];

/** True when a part's first bytes show an archive, an OLE compound file or an executable. */
export function isForeignPayload(head: Uint8Array): boolean {
  return MAGIC.some((magic) => magic.every((b, i) => head[i] === b));
}

export interface PackageView {
  types: ContentTypes;
  /** Every part (lower-case name) and its first bytes. */
  heads: Map<string, Uint8Array>;
  /** The relationships of a source part ("" for the package), or null when it has none. */
  relationships(source: string): Relationship[] | null;
}

export interface PackagePlan {
  /** Parts to keep: reachable through allowed relationships, plus their relationship parts. */
  keep: Set<string>;
  /** Per relationships part, the Ids of the relationships removed from it. */
  removed: Map<string, Set<string>>;
}

function judge(rel: Relationship, target: string, view: PackageView): "keep" | "remove" {
  if (rel.external) return "remove";
  const kind = relationshipKind(rel.type);
  if (REFUSED_RELATIONSHIPS.has(kind)) throw new UploadRefused("unsafe", `relationship ${kind}`);
  if (REMOVED_RELATIONSHIPS.has(kind)) return "remove";
  const type = contentTypeOf(view.types, target);
  if (REFUSED_CONTENT_TYPES.has(type)) throw new UploadRefused("unsafe", `content type ${type}`);
  if (isRemovedContentType(type)) return "remove";
  const head = view.heads.get(target);
  if (head && isForeignPayload(head)) return "remove";
  return "keep";
}

/** Walk the relationships from the package root and decide what stays. */
export function planPackage(view: PackageView): PackagePlan {
  const root = view.relationships("");
  const main = root?.find((r) => !r.external && relationshipKind(r.type) === "officedocument");
  if (!root || !main) throw new UploadRefused("damaged", "no main document relationship");
  const mainType = contentTypeOf(view.types, resolveTarget("", main.target));
  if (!MAIN_CONTENT_TYPES.has(mainType)) throw new UploadRefused("unsafe", `main document ${mainType}`);

  const keep = new Set<string>();
  const removed = new Map<string, Set<string>>();
  const queue = [""];
  const seen = new Set(queue);
  while (queue.length) {
    const source = queue.shift()!;
    const rels = view.relationships(source);
    if (!rels) continue;
    const relsPart = relsPartOf(source);
    // Removal is by Id: two relationships sharing one would let a removed one take an allowed one along.
    if (new Set(rels.map((r) => r.id)).size !== rels.length)
      throw new UploadRefused("damaged", `${relsPart}: duplicate Id`);
    keep.add(relsPart);
    for (const rel of rels) {
      const target = rel.external ? "" : resolveTarget(source, rel.target);
      if (judge(rel, target, view) === "remove") {
        if (!removed.has(relsPart)) removed.set(relsPart, new Set());
        removed.get(relsPart)!.add(rel.id);
        continue;
      }
      if (!view.heads.has(target) || seen.has(target)) continue;
      seen.add(target);
      keep.add(target);
      queue.push(target);
    }
  }
  return { keep, removed };
}
