/**
 * Markup as a string, for a part of a page that is the same for many requests and is therefore
 * built once and kept (`dangerouslySetInnerHTML`) instead of being rendered by React on every
 * request. Every interpolated value is escaped exactly as React escapes text and attribute
 * values, so the string is byte for byte what the React component it stands for renders; only
 * another `Html` (a part built the same way) goes in unescaped.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

/** React's escaping of text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/["&'<>]/g, (c) => ESCAPES[c]!);
}

/** A value in markup: nothing for null, undefined and false (as React renders them), arrays joined. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function piece(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(piece).join("");
  return escapeHtml(String(value));
}

/**
 * `markup\`<p class="${c}">${text}</p>\``: the template's own text as it is, every value escaped.
 * (Not named `html`: Prettier would format such a template as HTML, changing its whitespace.)
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** ` name="value"`, or nothing when the value is null or undefined (React leaves such attributes out). */
export function attr(name: string, value: string | number | null | undefined): Html {
  return new Html(value === null || value === undefined ? "" : ` ${name}="${escapeHtml(String(value))}"`);
}
