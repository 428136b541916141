import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { authorizeStaff, type AuthorizeOptions } from "./authorize.ts";
import { enrolmentFromClaims } from "./staff-session.ts";
import { signedInClaims } from "../testing/staff-claims.ts";
import { confirmEnrolment, startEnrolment } from "./second-factor.ts";
import { ADDRESS_LIMIT, failureDelayMs, MAX_FAILURE_DELAY_MS, PAIR_LIMIT } from "../domain/sign-in-throttle.ts";
import { base32Decode, timeStep, totpForStep } from "../domain/totp.ts";
import { purgeExpiredBuckets } from "../domain/rate-buckets.ts";
import * as password from "../domain/password.ts";

// Counts argon2id verifications (the expensive, timing-relevant work) while still doing them.
vi.mock("../domain/password.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../domain/password.ts")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifications = () => vi.mocked(password.verifyPassword).mock.calls.length;

const PASSWORD = "uji-Kata-Sandi-2026";
const masterKey = randomBytes(32);
const throttleKey = randomBytes(32);
let handle: TestDbHandle;
let kadisSecret: Buffer;
const t0 = new Date("2026-11-30T02:00:00Z");
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => PASSWORD });
  await handle.db.staffUser.update({ where: { username: "audit" }, data: { active: false } });
  // kadis is enrolled: a complete sign-in needs password and TOTP code.
  const session = await authorizeStaff(handle.db, { username: "kadis", password: PASSWORD }, t0, {
    masterKey,
    throttleKey,
    ipAddress: "10.9.9.9",
  });
  const who = (await enrolmentFromClaims(handle.db, await signedInClaims(handle.db, session, { enrol: true })))!;
  kadisSecret = base32Decode((await startEnrolment(handle.db, masterKey, who.id)).secret);
  await confirmEnrolment(handle.db, masterKey, who, totpForStep(kadisSecret, timeStep(t0)), { now: t0 });
});
afterAll(() => handle?.close());

type Step = { answer: string; delayMs: number; verifications: number };

async function attempt(username: string, pass: string, ipAddress: string, now: Date, code?: string): Promise<Step> {
  const waits: number[] = [];
  const before = verifications();
  const options: AuthorizeOptions = { masterKey, throttleKey, ipAddress, sleep: async (ms) => void waits.push(ms) };
  const answer = await authorizeStaff(
    handle.db,
    code === undefined ? { username, password: pass } : { username, password: pass, code },
    now,
    options,
  ).then(
    () => "ok",
    (e: Error) => e.message,
  );
  return { answer, delayMs: waits.reduce((a, b) => a + b, 0), verifications: verifications() - before };
}

async function wrongPasswords(username: string, ipAddress: string, count: number, now: Date): Promise<Step[]> {
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) steps.push(await attempt(username, "salah-" + i, ipAddress, now));
  return steps;
}

describe("sign-in answers do not tell which accounts exist", () => {
  it("gives unknown, known and deactivated usernames and NIPs the same answers, delays and argon2 work", async () => {
    const now = plus(t0, 3600);
    const tries = PAIR_LIMIT + 2;
    const unknown = await wrongPasswords("tidak-ada", "192.0.2.1", tries, now);
    const expected: Step[] = [
      ...Array.from({ length: PAIR_LIMIT }, (_, i) => ({
        answer: "invalid",
        delayMs: failureDelayMs(i + 1),
        verifications: 1,
      })),
      ...Array.from({ length: tries - PAIR_LIMIT }, () => ({ answer: "throttled", delayMs: 0, verifications: 0 })),
    ];
    expect(unknown).toEqual(expected);
    expect(await wrongPasswords("kadis", "192.0.2.2", tries, now)).toEqual(expected);
    expect(await wrongPasswords("19790402 200502 1 004", "192.0.2.4", tries, now)).toEqual(expected);
    expect(await wrongPasswords("19790402 200502 1 999", "192.0.2.5", tries, now)).toEqual(expected);
    expect(await wrongPasswords("telaah", "192.0.2.6", tries, now)).toEqual(expected);
    expect(await wrongPasswords("audit", "192.0.2.7", tries, now)).toEqual(expected);
  }, 600_000);
});

describe("no stranger can keep a staff member from signing in", () => {
  it("lets the owner in from their own address while others hammer the username from many addresses", async () => {
    const now = plus(t0, 7200);
    for (let host = 1; host <= 4; host++) {
      const steps = await wrongPasswords("kadis", `198.51.100.${host}`, PAIR_LIMIT + 1, now);
      expect(steps.at(-1)!.answer).toBe("throttled");
    }
    // Others' failures slow this username's failures (the longest delay), never refuse them.
    expect(await attempt("kadis", "typo", "10.1.1.1", now)).toEqual({
      answer: "invalid",
      delayMs: MAX_FAILURE_DELAY_MS,
      verifications: 1,
    });
    expect((await attempt("kadis", PASSWORD, "10.1.1.1", now)).answer).toBe("code_required");
    expect(await attempt("kadis", PASSWORD, "10.1.1.1", now, totpForStep(kadisSecret, timeStep(now)))).toEqual({
      answer: "ok",
      delayMs: 0,
      verifications: 1,
    });
  }, 300_000);

  it("still throttles the guesser: right password and code from a throttled address are refused unchecked", async () => {
    const now = plus(t0, 10_800);
    await wrongPasswords("kadis", "203.0.113.9", PAIR_LIMIT, now);
    expect(await attempt("kadis", PASSWORD, "203.0.113.9", now, totpForStep(kadisSecret, timeStep(now)))).toEqual({
      answer: "throttled",
      delayMs: 0,
      verifications: 0,
    });
    // A new window starts afresh.
    const later = plus(now, 15 * 60 + 1);
    expect(
      (await attempt("kadis", PASSWORD, "203.0.113.9", later, totpForStep(kadisSecret, timeStep(later)))).answer,
    ).toBe("ok");
  });

  it("throttles password spraying across usernames per address, and counts IPv6 per /64", async () => {
    const now = plus(t0, 14_400);
    const steps: Step[] = [];
    for (let i = 0; i <= ADDRESS_LIMIT; i++)
      steps.push(await attempt(`orang${i}`, "salah", `2001:db8:1:2::${(i + 1).toString(16)}`, now));
    expect(steps.slice(0, ADDRESS_LIMIT).every((s) => s.answer === "invalid")).toBe(true);
    expect(steps.at(-1)).toEqual({ answer: "throttled", delayMs: 0, verifications: 0 });
    // Another /64 is another client; an IPv4-mapped address is the IPv4 address.
    expect((await attempt("orang0", "salah", "2001:db8:1:3::1", now)).answer).toBe("invalid");
    await wrongPasswords("orang-x", "198.18.0.1", PAIR_LIMIT, now);
    expect((await attempt("orang-x", "salah", "::ffff:198.18.0.1", now)).answer).toBe("throttled");
  }, 300_000);

  it("counts parallel attempts one by one", async () => {
    const now = plus(t0, 18_000);
    const steps = await Promise.all(
      Array.from({ length: PAIR_LIMIT + 3 }, (_, i) => attempt("sekretariat", "salah-" + i, "198.18.1.1", now)),
    );
    expect(steps.filter((s) => s.answer === "invalid")).toHaveLength(PAIR_LIMIT);
    expect(steps.filter((s) => s.answer === "throttled")).toHaveLength(3);
  });

  it("keeps no typed identifier or address in the counters", async () => {
    const rows = await handle.db.rateLimitBucket.findMany();
    expect(rows.length).toBeGreaterThan(0);
    const stored = rows.map((r) => Buffer.from(r.key).toString("latin1")).join("");
    for (const plain of ["kadis", "tidak-ada", "198.51.100", "2001:db8"]) expect(stored).not.toContain(plain);
  });
});

describe("counters", () => {
  it("are purged once their window has ended", async () => {
    const far = new Date("2027-01-01T00:00:00Z");
    expect(await purgeExpiredBuckets(handle.db, far)).toBeGreaterThan(0);
    expect(await handle.db.rateLimitBucket.count()).toBe(0);
  });
});
