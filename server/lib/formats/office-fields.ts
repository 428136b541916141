/**
 * Word field codes and Excel formulas that fetch or execute. Word fields are judged by an
 * allowlist (a field type not known to be inert is reduced to its displayed result), because
 * a field's keyword can be assembled from nested fields and new fetching fields keep appearing.
 */

/** Fields that only compute or display from the document itself. */
const INERT_FIELDS = new Set([
  "=",
  "ADVANCE",
  "AUTHOR",
  "AUTONUM",
  "AUTONUMLGL",
  "AUTONUMOUT",
  "BIDIOUTLINE",
  "COMMENTS",
  "COMPARE",
  "CREATEDATE",
  "DATE",
  "DOCPROPERTY",
  "EDITTIME",
  "EQ",
  "FORMCHECKBOX",
  "FORMDROPDOWN",
  "FORMTEXT",
  "IF",
  "INDEX",
  "KEYWORDS",
  "LASTSAVEDBY",
  "LISTNUM",
  "MERGEFIELD",
  "MERGEREC",
  "MERGESEQ",
  "NEXT",
  "NEXTIF",
  "NOTEREF",
  "NUMCHARS",
  "NUMPAGES",
  "NUMWORDS",
  "PAGE",
  "PAGEREF",
  "PRINTDATE",
  "QUOTE",
  "REF",
  "REVNUM",
  "SAVEDATE",
  "SECTION",
  "SECTIONPAGES",
  "SEQ",
  "SET",
  "SKIPIF",
  "STYLEREF",
  "SUBJECT",
  "SYMBOL",
  "TA",
  "TC",
  "TEMPLATE",
  "TIME",
  "TITLE",
  "TOA",
  "TOC",
  "XE",
]);

/** True when a Word field instruction may stay a live field. */
export function isInertField(instruction: string): boolean {
  const text = instruction.trim();
  if (text.startsWith("=")) return true;
  const keyword = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase() ?? "";
  // A hyperlink to a bookmark in the same document (tables of contents) is harmless; any other target is not.
  if (keyword === "HYPERLINK") return /^HYPERLINK\s+\\l\s+"[^"\\/:]*"(\s+\\[a-z](\s+"[^"]*")?)*\s*$/i.test(text);
  return INERT_FIELDS.has(keyword);
}

/** Excel functions that fetch from the network, call code or other programs. */
const ACTIVE_FUNCTIONS =
  /(^|[^A-Za-z0-9_.])(?:_xlfn\.|_xlws\.)?(WEBSERVICE|FILTERXML|RTD|CALL|REGISTER|REGISTER\.ID|EXEC|IMAGE|HYPERLINK|DDE|EXECUTE)\s*\(/i;

/**
 * True when a formula fetches or executes: DDE (`app|topic!item`), a reference into another
 * workbook (`[1]Sheet!A1`, a path or URL), or a function that reaches outside the workbook.
 */
export function isActiveFormula(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""'); // string literals are data
  return (
    /\|/.test(code) ||
    /\[\s*\d+\s*\]/.test(code) ||
    /(https?|file|ftp):|\\\\|\[[^\]]*\.(xl\w*|csv)\]/i.test(code) ||
    ACTIVE_FUNCTIONS.test(code)
  );
}
