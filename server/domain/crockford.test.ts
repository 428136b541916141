import { describe, expect, it } from "vitest";
import { inGroupsOfFour, normaliseSymbols, randomSymbols } from "./crockford.ts";

describe("Crockford base32", () => {
  it("draws symbols from the alphabet only, uniformly enough to use every symbol", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = randomSymbols(12);
      expect(s).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      for (const c of s) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it("reads what a person typed the way Crockford intends", () => {
    expect(normaliseSymbols("abcd-efgh ijkl", 12, 40)).toBe("ABCDEFGH1JK1");
    expect(normaliseSymbols("o0o0-1111-2222", 12, 40)).toBe("000011112222");
    expect(normaliseSymbols("ABCD-EFGH-JKMU", 12, 40)).toBeNull(); // U is not a symbol
    expect(normaliseSymbols("ABCD-EFGH", 12, 40)).toBeNull();
    expect(normaliseSymbols("A".repeat(41), 12, 40)).toBeNull();
  });

  it("groups in fours", () => {
    expect(inGroupsOfFour("ABCDEFGH1JK1")).toBe("ABCD-EFGH-1JK1");
  });
});
