const decoder = new TextDecoder("utf-8", { fatal: true });

// Markup would be rendered, not read, by a browser that ignores the served type; such files are refused.
const MARKUP = /<\s*(?:!doctype|\?xml|html|head|body|script|svg|iframe|object|embed|meta|style)\b/i;

/** Valid UTF-8 (a BOM is fine) without NUL bytes and not HTML/SVG/XML markup. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return false;
  }
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  return !head.startsWith("<") && !MARKUP.test(head);
}
