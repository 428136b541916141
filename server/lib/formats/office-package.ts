/**
 * The Open Packaging Conventions structure of a DOCX/XLSX: content types, relationships and
 * how relationship targets name parts. Part names are compared lower-case without the leading
 * slash, as the zip entries are.
 */
import { scanXml } from "./xml-scan.ts";

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const CONTENT_TYPES_PART = "[content_types].xml";
export const ROOT_RELS_PART = "_rels/.rels";

export function parseContentTypes(xml: string): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  scanXml(xml, {
    open(element) {
      const attr = (name: string) => element.attributes.find((a) => a.local === name && a.ns === "")?.value;
      const contentType = attr("ContentType")?.toLowerCase().split(";")[0]!.trim();
      if (!contentType) return;
      if (element.local === "Default" && attr("Extension"))
        types.defaults.set(attr("Extension")!.toLowerCase(), contentType);
      if (element.local === "Override" && attr("PartName"))
        types.overrides.set(partName(attr("PartName")!), contentType);
    },
  });
  return types;
}

export function parseRelationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  scanXml(xml, {
    open(element) {
      if (element.local !== "Relationship") return;
      const attr = (name: string) => element.attributes.find((a) => a.local === name && a.ns === "")?.value ?? "";
      rels.push({
        id: attr("Id"),
        type: attr("Type"),
        target: attr("Target"),
        external: attr("TargetMode").toLowerCase() === "external",
      });
    },
  });
  return rels;
}

/** A part name as the zip entries spell it, lower-case: "/word/document.xml" → "word/document.xml". */
export function partName(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: the name as written.
  }
  return decoded.replace(/^\/+/, "").toLowerCase();
}

export function contentTypeOf(types: ContentTypes, part: string): string {
  const ext = part.slice(part.lastIndexOf(".") + 1);
  return types.overrides.get(part) ?? (part.includes(".") ? (types.defaults.get(ext) ?? "") : "");
}

/** The relationships part of `source` ("" for the package itself). */
export function relsPartOf(source: string): string {
  if (!source) return ROOT_RELS_PART;
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The part a relative target names, resolved against its source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const path = target.split(/[?#]/)[0]!;
  const segments = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment && segment !== ".") segments.push(segment);
  }
  return partName(segments.join("/"));
}

/** The last segment of a relationship type URI, lower-case, which is the same in transitional and strict variants. */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1).toLowerCase();
}
