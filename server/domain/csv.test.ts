import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, neutraliseFormula } from "./csv.ts";

describe("csv cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://x.test","a")', `"'=HYPERLINK(""http://x.test"",""a"")"`],
    ["+628123", "'+628123"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\tteks", "'\tteks"],
    ["\r=1", `"'\r=1"`],
    ["  =1", "'  =1"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
  ])("prefixes text that could start a formula: %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it.each(["Suap", "503/7/WBS/2026", "2026-11-28 09:30", "< 3", "x", "", "a=b", "-", "12"])(
    "leaves other text as it is: %j",
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );

  it("writes numbers as numbers, negative ones too, and nothing for a non-finite value", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("neutralises before quoting, so the prefix sits inside the quotes", () => {
    expect(csvDocument([["=a,b", 1]])).toBe('\uFEFF"\'=a,b",1\r\n');
  });
});
