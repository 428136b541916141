/** CSV as spreadsheets read it: RFC 4180, CRLF, UTF-8 with a BOM. */
const csvCell = (v: string) => (/[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvDocument(lines: readonly (readonly string[])[]): string {
  return "\uFEFF" + lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
