/**
 * An Admin-given password must be changed before anything else: every other staff procedure
 * is refused until then; the change checks the current password, refuses weak or mismatched
 * new ones field by field, and ends the account's sessions.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed-data.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { createCallerFactory, PASSWORD_CHANGE_REQUIRED } from "../trpc/init.ts";
import { appRouter } from "../routers/_app.ts";
import { verifyPassword } from "../domain/password.ts";
import { staffFromClaims } from "./staff-session.ts";
import { signedInClaims } from "../testing/staff-claims.ts";

const GIVEN = "Diberikan-Admin-2026";
let handle: TestDbHandle;
let userId: string;
let claims: Awaited<ReturnType<typeof signedInClaims>>;
const caller = () => createCallerFactory(appRouter)({ db: handle.db, staff: () => staffFromClaims(handle.db, claims) });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK", message: "", fields: null }),
    (e: unknown) => {
      if (!(e instanceof TRPCError)) throw e;
      const issues = (e.cause as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues;
      return {
        code: e.code,
        message: e.message,
        fields: issues ? Object.fromEntries(issues.map((i) => [i.path.join("."), i.message])) : null,
      };
    },
  );
const row = () =>
  handle.db.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, mustChangePassword: true, sessionVersion: true },
  });

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => GIVEN });
  const audit = await handle.db.staffUser.update({
    where: { username: "audit" },
    data: { mustChangePassword: true },
    select: { id: true, sessionVersion: true },
  });
  userId = audit.id;
  claims = await signedInClaims(handle.db, audit);
});
afterAll(() => handle?.close());

describe("changing an Admin-given password", () => {
  it("refuses every other staff procedure until the password is changed, but says who is signed in", async () => {
    expect(await failure(caller().cases.list({}))).toMatchObject({
      code: "FORBIDDEN",
      message: PASSWORD_CHANGE_REQUIRED,
    });
    expect(await failure(caller().cases.agenda({ book: "PERMOHONAN", year: 2026 }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await caller().staff.me()).toMatchObject({ id: userId, mustChangePassword: true });
    expect(await caller().account.security()).toMatchObject({ username: "audit" });
  });

  it("refuses a wrong current password, a short, repeated or mismatched new one, and one with the username, changing nothing", async () => {
    const before = await row();
    const attempt = (current: string, next: string, repeat = next) =>
      failure(caller().account.changePassword({ current, next, repeat }));
    expect(await attempt("salah-sama-sekali", "Kata-Sandi-Baru-2026")).toMatchObject({
      code: "BAD_REQUEST",
      message: "password.current",
    });
    expect(await attempt(GIVEN, "pendek")).toMatchObject({ code: "BAD_REQUEST", fields: { next: expect.any(String) } });
    expect(await attempt(GIVEN, GIVEN)).toMatchObject({ code: "BAD_REQUEST", fields: { next: "same" } });
    expect(await attempt(GIVEN, "Kata-Sandi-Baru-2026", "Kata-Sandi-Lain-2026")).toMatchObject({
      code: "BAD_REQUEST",
      fields: { repeat: "mismatch" },
    });
    expect(await attempt(GIVEN, "AUDIT-kata-sandi-2026")).toMatchObject({
      code: "BAD_REQUEST",
      message: "password.next",
    });
    expect(await row()).toEqual(before);
  });

  it("stores the new password, lifts the requirement, ends the session and records it without the password", async () => {
    const next = "Kata-Sandi-Baru-2026";
    await caller().account.changePassword({ current: GIVEN, next, repeat: next });
    const after = await row();
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, next)).toBe(true);
    expect(await verifyPassword(after.passwordHash, GIVEN)).toBe(false);
    // The session that made the change is over; a new sign-in works normally.
    expect(await failure(caller().staff.me())).toMatchObject({ code: "UNAUTHORIZED" });
    claims = await signedInClaims(handle.db, { id: userId, sessionVersion: after.sessionVersion });
    expect(await failure(caller().cases.list({}))).toMatchObject({ code: "OK" });
    const entry = await handle.db.auditEntry.findFirstOrThrow({
      where: { action: "auth.password.changed" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorId: userId, target: `user:${userId}` });
    const stored = JSON.stringify(entry, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(stored).not.toContain(next);
    expect(stored).not.toContain(GIVEN);
  });
});
