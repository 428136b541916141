import { describe, expect, it } from "vitest";
import { isStaffPath } from "./staff-path.ts";

describe("isStaffPath", () => {
  it("tells staff pages from portal pages, with or without the locale", () => {
    for (const p of ["/staff", "/staff/kasus/1", "/en/staff", "/id/staff/masuk"]) expect(isStaffPath(p), p).toBe(true);
    for (const p of ["/", "/lapor", "/en/lacak", "/staffing", "/statistik", "/en"])
      expect(isStaffPath(p), p).toBe(false);
  });
});
