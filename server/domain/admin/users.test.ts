import { describe, expect, it } from "vitest";
import { Role } from "../../generated/prisma/enums.ts";
import { createUserInput, generatePassword, nipSchema, usernameSchema } from "./users.ts";

describe("user input", () => {
  it("normalises usernames to lower case and refuses odd ones", () => {
    expect(usernameSchema.parse("  Staf.Baru ")).toBe("staf.baru");
    for (const bad of ["ab", "-staf", "staf baru", "staf@dinas", "x".repeat(33)])
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("takes a NIP of 18 digits with or without the printed spaces; empty means none", () => {
    expect(nipSchema.parse("19790402 200502 1 004")).toBe("197904022005021004");
    expect(nipSchema.parse("  ")).toBeNull();
    for (const bad of ["12345", "1979040220050210045", "19790402200502100x"])
      expect(nipSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("needs a name, a position and at least one role; roles are deduplicated", () => {
    const base = {
      username: "staf",
      nip: "",
      name: "Rina",
      rankGrade: " ",
      position: "Analis",
      roles: [Role.TIM_AUDIT, Role.ADMIN, Role.TIM_AUDIT],
    };
    expect(createUserInput.parse(base)).toEqual({
      username: "staf",
      nip: null,
      name: "Rina",
      rankGrade: null,
      position: "Analis",
      roles: [Role.ADMIN, Role.TIM_AUDIT],
    });
    expect(createUserInput.safeParse({ ...base, roles: [] }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, roles: ["ROOT"] }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, name: "  " }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, position: "" }).success).toBe(false);
  });
});

describe("generatePassword", () => {
  it("gives 20 unambiguous random symbols in four groups, different each time", () => {
    const seen = new Set(Array.from({ length: 50 }, generatePassword));
    expect(seen.size).toBe(50);
    for (const p of seen) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
  });
});
