/**
 * The account router through the real tRPC stack: which session may call what. The request's
 * cookie jar holds a session cookie made by next-auth's own encoder from the claims each test
 * sets (or a cookie the test forges); everything else is real.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";

const SESSION_SECRET = "x".repeat(32);
const fake = vi.hoisted(() => ({
  claims: null as null | { uid: string; sv: number; enrol: boolean; sid: string },
  /** A raw cookie value instead of one made from `claims`. */
  cookie: undefined as string | undefined,
  masterKey: Buffer.alloc(32, 7),
}));
vi.mock("next/headers", () => ({
  cookies: async () => {
    const { encode } = await import("next-auth/jwt");
    const value =
      fake.cookie ?? (fake.claims ? await encode({ token: fake.claims, secret: "x".repeat(32) }) : undefined);
    return {
      get: (name: string) => (value !== undefined && name === "next-auth.session-token" ? { name, value } : undefined),
    };
  },
}));
vi.mock("../env.ts", async (original) => {
  const actual = await original<typeof import("../env.ts")>();
  return {
    ...actual,
    env: () => ({
      secrets: { masterKey: fake.masterKey, trackingKey: randomBytes(32), sessionSecret: SESSION_SECRET },
    }),
  };
});

const { openTestDb } = await import("../testing/test-db.ts");
const { seedDemo } = await import("../../prisma/seed-data.ts");
const { appRouter } = await import("../routers/_app.ts");
const { createCallerFactory } = await import("../trpc/init.ts");
const { currentStaff, workingStaff } = await import("./staff-session.ts");
const { authorizeStaff } = await import("./authorize.ts");
const { signedInClaims } = await import("../testing/staff-claims.ts");
const { base32Decode, timeStep, totpForStep } = await import("../domain/totp.ts");

const PASSWORD = "uji-Kata-Sandi-2026";
let handle: Awaited<ReturnType<typeof openTestDb>>;
const caller = () => createCallerFactory(appRouter)({ db: handle.db, staff: () => currentStaff(handle.db) });

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => PASSWORD });
});
afterAll(() => handle?.close());

describe("account router", () => {
  it("refuses anonymous callers", async () => {
    fake.claims = null;
    expect(await trpcCode(caller().account.pendingEnrolment())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().account.startEnrolment())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().account.security())).toBe("UNAUTHORIZED");
  });

  it("takes no session from a cookie that is expired, made with another secret, or not a token", async () => {
    const { encode } = await import("next-auth/jwt");
    const user = await handle.db.staffUser.findUniqueOrThrow({
      where: { username: "admin" },
      select: { id: true, sessionVersion: true },
    });
    const claims = await signedInClaims(handle.db, user, { enrol: false });
    try {
      fake.cookie = await encode({ token: claims, secret: SESSION_SECRET });
      expect(await trpcCode(caller().staff.me())).toBe("OK"); // the same cookie, well made, is a session
      fake.cookie = await encode({ token: claims, secret: SESSION_SECRET, maxAge: -60 });
      expect(await trpcCode(caller().staff.me())).toBe("UNAUTHORIZED");
      fake.cookie = await encode({ token: claims, secret: "y".repeat(32) });
      expect(await trpcCode(caller().staff.me())).toBe("UNAUTHORIZED");
      fake.cookie = "bukan-token";
      expect(await trpcCode(caller().staff.me())).toBe("UNAUTHORIZED");
    } finally {
      fake.cookie = undefined;
    }
  });

  it("an enrolment session can enrol and nothing else; a full session cannot enrol", async () => {
    const signIn = await authorizeStaff(handle.db, { username: "pengawas", password: PASSWORD });
    expect(signIn.enrol).toBe(true);
    fake.claims = await signedInClaims(handle.db, signIn, { enrol: true });

    expect(await trpcCode(caller().staff.me())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().account.security())).toBe("UNAUTHORIZED");
    expect(await caller().account.pendingEnrolment()).toEqual({ username: "pengawas", name: expect.any(String) });

    const pending = await caller().account.startEnrolment();
    expect(pending.account).toBe("pengawas");
    const secret = base32Decode(pending.secret);

    expect(await trpcCode(caller().account.confirmEnrolment({ code: "abc" }))).toBe("BAD_REQUEST");
    const wrong = caller().account.confirmEnrolment({ code: "000000" });
    await expect(wrong).rejects.toMatchObject({ code: "BAD_REQUEST", message: "enrolment.code_invalid" });

    const { backupCodes } = await caller().account.confirmEnrolment({ code: totpForStep(secret, timeStep()) });
    expect(backupCodes).toHaveLength(10);

    // Enrolment bumped the session version: the enrolment session is over.
    expect(await trpcCode(caller().account.startEnrolment())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().staff.me())).toBe("UNAUTHORIZED");

    const full = await authorizeStaff(
      handle.db,
      { username: "pengawas", password: PASSWORD, code: backupCodes[0] },
      new Date(),
      { masterKey: fake.masterKey },
    );
    fake.claims = await signedInClaims(handle.db, full, { enrol: false });
    expect(await caller().staff.me()).toMatchObject({ roles: ["PENGAWAS"] });
    expect(await caller().account.security()).toMatchObject({
      username: "pengawas",
      enrolledAt: expect.any(Date),
      backupCodesLeft: 9,
    });
    expect(await trpcCode(caller().account.pendingEnrolment())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().account.startEnrolment())).toBe("UNAUTHORIZED");
    expect(await trpcCode(caller().account.confirmEnrolment({ code: "123456" }))).toBe("UNAUTHORIZED");
  });

  it("a deactivated account's enrolment session ends at once", async () => {
    const signIn = await authorizeStaff(handle.db, { username: "admin", password: PASSWORD });
    fake.claims = await signedInClaims(handle.db, signIn, { enrol: true });
    expect(await trpcCode(caller().account.startEnrolment())).toBe("OK");
    await handle.db.staffUser.update({ where: { id: signIn.id }, data: { active: false } });
    expect(await trpcCode(caller().account.startEnrolment())).toBe("UNAUTHORIZED");
  });

  it("a session that must still replace an Admin-given password is no working session for downloads and forms", async () => {
    const user = await handle.db.staffUser.update({
      where: { username: "sekretariat" },
      data: { mustChangePassword: true },
      select: { id: true, sessionVersion: true },
    });
    fake.claims = await signedInClaims(handle.db, user, { enrol: false });
    expect(await currentStaff(handle.db)).toMatchObject({ id: user.id, mustChangePassword: true });
    expect(await workingStaff(handle.db)).toBeNull();
    await handle.db.staffUser.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    expect(await workingStaff(handle.db)).toMatchObject({ id: user.id });
  });
});
