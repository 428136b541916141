import { describe, expect, it } from "vitest";
import { alignedTable, markdownTable } from "./report.ts";

const header = ["scenario", "path", "req/s", "CPU ÷ floor"];
const groups = [
  [["floor: dynamic page (CSP nonce)", "/dynamic", "400.0", "1.00×"]],
  [["home | page", "/", "50.5", "12.0×"]],
  [],
];
const numeric = new Set([2, 3]);

describe("tables", () => {
  it("aligns text left and numbers right, a rule between non-empty groups", () => {
    expect(alignedTable(header, groups, numeric).split("\n")).toEqual([
      "scenario                         path      req/s  CPU ÷ floor",
      "-------------------------------  --------  -----  -----------",
      "floor: dynamic page (CSP nonce)  /dynamic  400.0        1.00×",
      "-------------------------------  --------  -----  -----------",
      "home | page                      /          50.5        12.0×",
    ]);
  });

  it("writes Markdown with paths as code, pipes escaped and numbers right-aligned", () => {
    expect(markdownTable(header, groups, numeric).split("\n")).toEqual([
      "| scenario | path | req/s | CPU ÷ floor |",
      "|---|---|---:|---:|",
      "| floor: dynamic page (CSP nonce) | `/dynamic` | 400.0 | 1.00× |",
      "| home \\| page | `/` | 50.5 | 12.0× |",
    ]);
  });
});
