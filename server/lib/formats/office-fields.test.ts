import { describe, expect, it } from "vitest";
import { isActiveFormula, isInertField } from "./office-fields.ts";

describe("Word fields", () => {
  it("keeps fields that only compute from the document", () => {
    for (const instruction of [
      " PAGE ",
      "NUMPAGES \\* MERGEFORMAT",
      'TOC \\o "1-3" \\h',
      "= 2 + 2",
      'HYPERLINK \\l "_Toc123"',
      "REF _Ref1 \\h",
    ]) {
      expect(isInertField(instruction)).toBe(true);
    }
  });

  it("reduces every other field to its result, including unknown and assembled ones", () => {
    for (const instruction of [
      'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"',
      " dde excel x",
      'INCLUDEPICTURE "http://evil.example/p.png" \\d',
      'INCLUDETEXT "\\\\\\\\host\\\\share\\\\a.docx"',
      'IMPORT "a.wmf"',
      'LINK Excel.Sheet.12 "C:\\\\x.xlsx" ""',
      'HYPERLINK "http://evil.example"',
      'HYPERLINK \\l "x" "http://evil.example"',
      "MACROBUTTON AutoOpen klik",
      "PRINT 27",
      "",
      " cmd /c calc",
    ]) {
      expect(isInertField(instruction)).toBe(false);
    }
  });
});

describe("Excel formulas", () => {
  it("finds DDE, other workbooks and functions that reach outside", () => {
    for (const formula of [
      "cmd|' /C calc'!A0",
      "[1]Data!A1",
      "SUM('C:\\x\\[b.xlsx]S'!A1)",
      '_xlfn.WEBSERVICE("http://x")',
      'rtd("a",,"b")',
      'HYPERLINK("http://x","a")',
      'IMAGE("http://x/a.png")',
    ]) {
      expect(isActiveFormula(formula)).toBe(true);
    }
  });

  it("leaves formulas inside the workbook, also with such characters in strings", () => {
    for (const formula of [
      "A1*2",
      "SUM(Sheet2!A1:A9)",
      'CONCAT("a|b","[1]")',
      "Tabel1[Jumlah]",
      "VLOOKUP(A1,'Data 2026'!A:B,2,FALSE)",
    ]) {
      expect(isActiveFormula(formula)).toBe(false);
    }
  });
});
