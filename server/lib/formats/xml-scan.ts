/**
 * A small, namespace-aware XML scanner for rewriting Office parts in place: it reports elements
 * by namespace URI and local name (so a hostile file cannot hide an element behind an unusual
 * prefix), decodes attribute values and text, and gives the source offsets of every tag so a
 * caller can remove elements or attributes and keep the rest of the part byte for byte.
 * Document type declarations are refused: Office parts may not carry them, and they are how
 * entity-expansion bombs are built.
 */
import { UploadRefused } from "./errors.ts";

export interface XmlAttribute {
  ns: string;
  local: string;
  value: string;
  /** Source range of the attribute, including the whitespace before it. */
  start: number;
  end: number;
}

export interface XmlElement {
  ns: string;
  local: string;
  attributes: XmlAttribute[];
  /** Source range of the start tag. */
  start: number;
  end: number;
  selfClosing: boolean;
}

export interface XmlVisitor {
  open?(element: XmlElement): void;
  /** `endTag` is where the end tag starts and `end` where the element ends (both `element.end` when self-closing). */
  close?(element: XmlElement, end: number, endTag: number): void;
  text?(value: string): void;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function damaged(detail: string): never {
  throw new UploadRefused("damaged", `xml: ${detail}`);
}

function decode(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;]{0,10});/g, (_, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) damaged("character reference");
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[name];
    if (value === undefined) damaged(`entity ${name}`);
    return value;
  });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

interface RawAttribute {
  name: string;
  value: string;
  start: number;
  end: number;
}

function resolve(qname: string, bindings: Map<string, string>, isAttribute: boolean): [string, string] {
  const colon = qname.indexOf(":");
  if (colon < 0) return [isAttribute ? "" : (bindings.get("") ?? ""), qname];
  const prefix = qname.slice(0, colon);
  const ns = bindings.get(prefix);
  if (ns === undefined) damaged(`unbound prefix ${prefix}`);
  return [ns, qname.slice(colon + 1)];
}

/** Walk every element and text run of `xml` in document order. */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const stack: { element: XmlElement; qname: string; bindings: Map<string, string> }[] = [];
  let bindings = new Map([["xml", XML_NS]]);
  let p = 0;
  const length = xml.length;
  while (p < length) {
    const lt = xml.indexOf("<", p);
    if (lt < 0) {
      if (xml.slice(p).trim()) damaged("text after the root");
      break;
    }
    if (lt > p && visitor.text) visitor.text(decode(xml.slice(p, lt)));
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) damaged("comment");
      p = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) damaged("CDATA");
      visitor.text?.(xml.slice(lt + 9, end));
      p = end + 3;
      continue;
    }
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) damaged("processing instruction");
      p = end + 2;
      continue;
    }
    if (xml.startsWith("<!", lt)) throw new UploadRefused("unsafe", "xml: document type declaration");
    if (xml.startsWith("</", lt)) {
      const end = xml.indexOf(">", lt);
      if (end < 0) damaged("end tag");
      const top = stack.pop();
      if (!top || top.qname !== xml.slice(lt + 2, end).trim()) damaged("mismatched end tag");
      bindings = stack.at(-1)?.bindings ?? new Map([["xml", XML_NS]]);
      visitor.close?.(top.element, end + 1, lt);
      p = end + 1;
      continue;
    }
    // Start tag: name, then attributes up to ">" or "/>".
    let q = lt + 1;
    while (q < length && !isSpace(xml.charCodeAt(q)) && xml[q] !== ">" && xml[q] !== "/") q++;
    const qname = xml.slice(lt + 1, q);
    if (!qname) damaged("element name");
    const raw: RawAttribute[] = [];
    let selfClosing = false;
    for (;;) {
      const attrStart = q;
      while (q < length && isSpace(xml.charCodeAt(q))) q++;
      if (q >= length) damaged("unterminated start tag");
      if (xml[q] === ">") {
        q++;
        break;
      }
      if (xml.startsWith("/>", q)) {
        selfClosing = true;
        q += 2;
        break;
      }
      if (q === attrStart) damaged("attribute without space");
      const eq = xml.indexOf("=", q);
      if (eq < 0) damaged("attribute");
      const name = xml.slice(q, eq).trim();
      q = eq + 1;
      while (q < length && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml[q];
      if (quote !== '"' && quote !== "'") damaged("attribute quote");
      const close = xml.indexOf(quote, q + 1);
      if (close < 0) damaged("attribute value");
      const value = xml.slice(q + 1, close);
      if (value.includes("<")) damaged("< in attribute");
      raw.push({ name, value: decode(value), start: attrStart, end: close + 1 });
      q = close + 1;
    }
    let scope = bindings;
    for (const a of raw) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
        if (scope === bindings) scope = new Map(bindings);
        scope.set(a.name === "xmlns" ? "" : a.name.slice(6), a.value);
      }
    }
    const [ns, local] = resolve(qname, scope, false);
    const attributes = raw.map((a) => {
      const [attrNs, attrLocal] =
        a.name === "xmlns" || a.name.startsWith("xmlns:") ? ["xmlns", a.name] : resolve(a.name, scope, true);
      return { ns: attrNs, local: attrLocal, value: a.value, start: a.start, end: a.end };
    });
    const element: XmlElement = { ns, local, attributes, start: lt, end: q, selfClosing };
    visitor.open?.(element);
    if (selfClosing) visitor.close?.(element, q, q);
    else {
      stack.push({ element, qname, bindings: scope });
      bindings = scope;
    }
    p = q;
  }
  if (stack.length) damaged("unclosed element");
}

/** Source ranges to cut out of a part; ranges inside an earlier, larger cut are absorbed by it. */
export class XmlEdits {
  private readonly cuts: [number, number][] = [];

  remove(start: number, end: number): void {
    this.cuts.push([start, end]);
  }

  get size(): number {
    return this.cuts.length;
  }

  apply(xml: string): string {
    if (!this.cuts.length) return xml;
    const cuts = this.cuts.toSorted((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = "";
    let p = 0;
    for (const [start, end] of cuts) {
      if (start < p) continue; // inside a cut already made
      out += xml.slice(p, start);
      p = end;
    }
    return out + xml.slice(p);
  }
}
