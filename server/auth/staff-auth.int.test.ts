import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { authorizeStaff } from "./authorize.ts";
import { staffFromClaims } from "./staff-session.ts";
import { MAX_FAILED_LOGINS } from "../domain/login-lockout.ts";

const PASSWORD = "uji-Kata-Sandi-2026";
let handle: TestDbHandle;

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => PASSWORD });
});
afterAll(() => handle?.close());

describe("staff sign-in (password step)", () => {
  it("accepts username or NIP with spaces, and refuses a wrong password", async () => {
    const byName = await authorizeStaff(handle.db, { username: "KADIS", password: PASSWORD });
    const byNip = await authorizeStaff(handle.db, { username: "19790402 200502 1 004", password: PASSWORD });
    expect(byNip.id).toBe(byName.id);
    await expect(authorizeStaff(handle.db, { username: "kadis", password: "wrong" })).rejects.toThrow("invalid");
    await expect(authorizeStaff(handle.db, { username: "nobody", password: PASSWORD })).rejects.toThrow("invalid");
    await expect(authorizeStaff(handle.db, { username: "", password: "" })).rejects.toThrow("invalid");
  });

  it("locks the account after repeated failures, even for the right password", async () => {
    const now = new Date("2026-11-27T02:00:00Z");
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      await expect(authorizeStaff(handle.db, { username: "audit", password: "wrong" }, now)).rejects.toThrow("invalid");
    }
    await expect(authorizeStaff(handle.db, { username: "audit", password: "wrong" }, now)).rejects.toThrow("locked");
    await expect(authorizeStaff(handle.db, { username: "audit", password: PASSWORD }, now)).rejects.toThrow("locked");
    const later = new Date(now.getTime() + 60 * 60_000);
    await expect(authorizeStaff(handle.db, { username: "audit", password: PASSWORD }, later)).resolves.toMatchObject({ name: expect.any(String) });
  });

  it("a deactivated account or a bumped session version loses its session at once", async () => {
    const user = await authorizeStaff(handle.db, { username: "sekretariat", password: PASSWORD });
    const claims = { uid: user.id, sv: user.sessionVersion };
    expect(await staffFromClaims(handle.db, claims)).toMatchObject({ id: user.id, roles: ["SEKRETARIAT"] });
    await handle.db.staffUser.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await staffFromClaims(handle.db, claims)).toBeNull();
    await handle.db.staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect(await staffFromClaims(handle.db, { uid: user.id, sv: user.sessionVersion + 1 })).toBeNull();
    await expect(authorizeStaff(handle.db, { username: "sekretariat", password: PASSWORD })).rejects.toThrow("invalid");
  });
});
