/**
 * docs/performance.md holds the latest bench tables between markers, one section per kind of
 * run (single server, scale-out); each run replaces its own section and leaves the rest (the
 * explanation written by hand, the other section) as it is.
 */
import fs from "node:fs";

const begin = (name: string) => `<!-- bench:${name} begin (written by npm run bench) -->`;
const end = (name: string) => `<!-- bench:${name} end -->`;

/** The document with section `name` replaced by `body` (appended, with its markers, when missing). */
export function replaceSection(doc: string, name: string, body: string): string {
  const [open, close] = [begin(name), end(name)];
  const block = `${open}\n${body.trim()}\n${close}`;
  const from = doc.indexOf(open);
  const to = from === -1 ? -1 : doc.indexOf(close, from);
  if (from === -1 || to === -1) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, from) + block + doc.slice(to + close.length);
}

export function writeSection(file: string, name: string, body: string): void {
  const doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
  fs.writeFileSync(file, replaceSection(doc, name, body));
}
