import { describe, expect, it } from "vitest";
import { withFullStop } from "./full-stop.ts";

describe("withFullStop", () => {
  it("adds a full stop only when the sentence has none", () => {
    expect(withFullStop("Selamat datang, Yuliana Sari, S.E.")).toBe("Selamat datang, Yuliana Sari, S.E.");
    expect(withFullStop("Selamat datang, Budi Santoso")).toBe("Selamat datang, Budi Santoso.");
    expect(withFullStop("Welcome, Drs. Ahmad ")).toBe("Welcome, Drs. Ahmad.");
  });
});
