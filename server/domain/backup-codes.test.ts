import { describe, expect, it } from "vitest";
import {
  BACKUP_CODE_ALPHABET,
  BACKUP_CODE_COUNT,
  formatBackupCode,
  generateBackupCodes,
  normaliseBackupCode,
} from "./backup-codes.ts";

describe("backup codes", () => {
  it("are ten distinct codes of two groups of four unambiguous symbols", () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
  });

  it("never use symbols that are confused on paper", () => {
    for (const symbol of ["0", "1", "i", "l", "o"]) expect(BACKUP_CODE_ALPHABET).not.toContain(symbol);
    const all = generateBackupCodes(200).join("");
    expect(all).not.toMatch(/[01ilo]/);
  });

  it("normalise case, spaces and the hyphen, and refuse anything else", () => {
    expect(normaliseBackupCode("7KQ3-MX9P")).toBe("7kq3mx9p");
    expect(normaliseBackupCode(" 7kq3 mx9p ")).toBe("7kq3mx9p");
    expect(normaliseBackupCode("7kq3mx9p")).toBe("7kq3mx9p");
    expect(normaliseBackupCode("123456")).toBeNull(); // a TOTP code, not a backup code
    expect(normaliseBackupCode("7kq3-mx9")).toBeNull();
    expect(normaliseBackupCode("7kq3-mx9p0")).toBeNull();
    expect(normaliseBackupCode("ok13-mx9p")).toBeNull();
    expect(normaliseBackupCode("")).toBeNull();
  });

  it("format back to xxxx-xxxx", () => {
    expect(formatBackupCode("7kq3mx9p")).toBe("7kq3-mx9p");
    const [code] = generateBackupCodes(1);
    expect(formatBackupCode(normaliseBackupCode(code!)!)).toBe(code);
  });
});
