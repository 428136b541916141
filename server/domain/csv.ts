/**
 * CSV as spreadsheets read it: RFC 4180, CRLF, UTF-8 with a BOM.
 *
 * Every cell passes through `csvCell`, so no text can become a formula when the file is
 * opened in a spreadsheet: a text cell whose first non-blank character could start a
 * formula (`=`, `+`, `-`, `@`, their full-width forms, tab or carriage return) is prefixed
 * with `'`, which spreadsheets show as text. Numbers are typed as numbers by the caller and
 * written as they are, so a figure stays a figure (a negative count would stay negative);
 * anything that is text (names, labels, references, stamps) must be passed as a string.
 */
export type CsvCell = string | number;

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
/** The conventional "no figure" mark: a lone dash has no operand, so no spreadsheet evaluates it. */
const LONE_DASH = "-";

/** A text cell that cannot start a formula. */
export function neutraliseFormula(text: string): string {
  return text !== LONE_DASH && FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell): string {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : neutraliseFormula(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(lines: readonly (readonly CsvCell[])[]): string {
  return "\uFEFF" + lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
