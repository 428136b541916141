import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { signedInClaims } from "../testing/staff-claims.ts";
import { putSetting } from "../testing/put-setting.ts";
import { settingDefaults } from "../domain/settings-defaults.ts";
import { seedDemo } from "../../prisma/seed-data.ts";
import { authorizeStaff, type AuthorizeOptions } from "./authorize.ts";
import { enrolmentFromClaims, staffFromClaims } from "./staff-session.ts";
import { confirmEnrolment, openTotpSecret, startEnrolment } from "./second-factor.ts";
import { failureDelayMs, PAIR_LIMIT, THROTTLE_WINDOW_MINUTES } from "../domain/sign-in-throttle.ts";
import { base32Decode, timeStep, totpForStep } from "../domain/totp.ts";
import { masterKeyVersion } from "../domain/crypto.ts";

const PASSWORD = "uji-Kata-Sandi-2026";
const masterKey = randomBytes(32);
const opts: AuthorizeOptions = { masterKey, ipAddress: "10.0.0.7" };
let handle: TestDbHandle;

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => PASSWORD });
});
afterAll(() => handle?.close());

const signIn = (
  username: string,
  password: string,
  code: string | undefined,
  now: Date,
  extra: AuthorizeOptions = {},
) =>
  authorizeStaff(handle.db, code === undefined ? { username, password } : { username, password, code }, now, {
    ...opts,
    ...extra,
  });

/** Signs in with the password, enrols a new secret and confirms it at `now` (as the enrolment page does). */
async function enrol(username: string, now: Date) {
  const session = await signIn(username, PASSWORD, undefined, now);
  expect(session.enrol).toBe(true);
  const who = await enrolmentFromClaims(handle.db, await signedInClaims(handle.db, session, { enrol: true }));
  expect(who).not.toBeNull();
  const pending = await startEnrolment(handle.db, masterKey, session.id);
  const secret = base32Decode(pending.secret);
  const backupCodes = await confirmEnrolment(handle.db, masterKey, who!, totpForStep(secret, timeStep(now)), { now });
  return { id: session.id, secret, backupCodes, enrolStep: timeStep(now) };
}

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const audit = (actorId: string) => handle.db.auditEntry.findMany({ where: { actorId }, orderBy: { id: "asc" } });

describe("staff sign-in (password step)", () => {
  it("accepts username or NIP with spaces, and refuses a wrong password", async () => {
    const byName = await authorizeStaff(handle.db, { username: "KADIS", password: PASSWORD });
    const byNip = await authorizeStaff(handle.db, { username: "19790402 200502 1 004", password: PASSWORD });
    expect(byNip.id).toBe(byName.id);
    await expect(authorizeStaff(handle.db, { username: "kadis", password: "wrong" })).rejects.toThrow("invalid");
    await expect(authorizeStaff(handle.db, { username: "nobody", password: PASSWORD })).rejects.toThrow("invalid");
    await expect(authorizeStaff(handle.db, { username: "", password: "" })).rejects.toThrow("invalid");
  });

  it("audits a failed sign-in of an unknown account without what was typed (it may be a password)", async () => {
    await expect(authorizeStaff(handle.db, { username: "Rahasia-Sekali-99", password: PASSWORD })).rejects.toThrow(
      "invalid",
    );
    const last = await handle.db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({
      action: "auth.login.failed",
      actorId: null,
      actorLabel: "unknown",
      detail: { reason: "unknown_account" },
    });
    const all = await handle.db.auditEntry.findMany();
    expect(JSON.stringify(all, (_k, v) => (typeof v === "bigint" ? String(v) : v)).toLowerCase()).not.toContain(
      "rahasia-sekali",
    );
  });

  it("slows each failure, then refuses this address for this identifier, even the right password, until the window ends", async () => {
    const now = new Date("2026-11-27T02:00:00Z");
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 1; i <= PAIR_LIMIT; i++) {
      await expect(
        authorizeStaff(handle.db, { username: "audit", password: "wrong" }, now, { ...opts, sleep }),
      ).rejects.toThrow("invalid");
    }
    expect(waits.slice(0, 5)).toEqual([250, 500, 1000, 2000, 4000]);
    expect(waits).toEqual(Array.from({ length: PAIR_LIMIT }, (_, i) => failureDelayMs(i + 1)));
    await expect(authorizeStaff(handle.db, { username: "audit", password: PASSWORD }, now, opts)).rejects.toThrow(
      "throttled",
    );
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MINUTES * 60_000 + 1);
    await expect(
      authorizeStaff(handle.db, { username: "audit", password: PASSWORD }, later, opts),
    ).resolves.toMatchObject({ name: expect.any(String) });
  });

  it("a deactivated account or a bumped session version loses its session at once", async () => {
    const now = at("2026-11-27T02:10:00Z");
    const { id } = await enrol("sekretariat", now);
    const user = await signIn("sekretariat", PASSWORD, totpForStep(await secretOf(id), timeStep(now) + 1), now);
    expect(user.enrol).toBe(false);
    const claims = await signedInClaims(handle.db, user, { enrol: false });
    expect(await staffFromClaims(handle.db, claims)).toMatchObject({ id: user.id, roles: ["SEKRETARIAT"] });
    await handle.db.staffUser.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await staffFromClaims(handle.db, claims)).toBeNull();
    await handle.db.staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect(
      await staffFromClaims(
        handle.db,
        await signedInClaims(handle.db, { id: user.id, sessionVersion: user.sessionVersion + 1 }),
      ),
    ).toBeNull();
    await expect(authorizeStaff(handle.db, { username: "sekretariat", password: PASSWORD })).rejects.toThrow("invalid");
    // The right code does not help a deactivated account either.
    await expect(
      signIn("sekretariat", PASSWORD, totpForStep(await secretOf(id), timeStep(now) + 40), plus(now, 1200)),
    ).rejects.toThrow("invalid");
  });
});

async function secretOf(id: string) {
  const row = await handle.db.staffUser.findUniqueOrThrow({ where: { id }, select: { totpSecret: true } });
  return openTotpSecret(masterKey, id, row.totpSecret!);
}

describe("first sign-in: enrolment", () => {
  it("a not-enrolled account gets an enrolment session that is no staff session", async () => {
    const now = at("2026-11-27T03:00:00Z");
    const session = await signIn("telaah", PASSWORD, undefined, now);
    expect(session).toMatchObject({ enrol: true });
    // A code sent before enrolment is simply ignored: there is nothing to check it against.
    expect(await signIn("telaah", PASSWORD, "123456", now)).toMatchObject({ enrol: true });
    const claims = await signedInClaims(handle.db, session, { enrol: true });
    expect(await staffFromClaims(handle.db, claims)).toBeNull();
    expect(await enrolmentFromClaims(handle.db, claims)).toMatchObject({ id: session.id, username: "telaah" });
    // A full-session token is never an enrolment session.
    expect(await enrolmentFromClaims(handle.db, { ...claims, enrol: false })).toBeNull();
    expect(await enrolmentFromClaims(handle.db, { ...claims, enrol: undefined })).toBeNull();
  });

  it("keeps one pending secret, sealed, until a code confirms it; then shows ten backup codes once", async () => {
    const now = at("2026-11-27T03:05:00Z");
    const session = await signIn("telaah", PASSWORD, undefined, now);
    const who = (await enrolmentFromClaims(handle.db, await signedInClaims(handle.db, session, { enrol: true })))!;
    const first = await startEnrolment(handle.db, masterKey, who.id);
    const again = await startEnrolment(handle.db, masterKey, who.id);
    expect(again.secret).toBe(first.secret); // a reload after scanning keeps the same secret
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.uri).toBe(
      `otpauth://totp/Lentera%20DPMPTSP%20Kabupaten%20Lamandau:telaah?secret=${first.secret}&issuer=Lentera%20DPMPTSP%20Kabupaten%20Lamandau&algorithm=SHA1&digits=6&period=30`,
    );
    // The issuer is the office's short name from the settings, read on each call.
    await putSetting(handle.db, "office.identity", {
      ...settingDefaults["office.identity"],
      shortName: "DPMPTSP Kota Contoh",
    });
    expect(new URL((await startEnrolment(handle.db, masterKey, who.id)).uri).searchParams.get("issuer")).toBe(
      "Lentera DPMPTSP Kota Contoh",
    );
    await putSetting(handle.db, "office.identity", { ...settingDefaults["office.identity"], shortName: "" });
    expect(new URL((await startEnrolment(handle.db, masterKey, who.id)).uri).searchParams.get("issuer")).toBe(
      "Lentera DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU, KABUPATEN LAMANDAU",
    );
    await handle.db.setting.delete({ where: { key: "office.identity" } });

    const row = await handle.db.staffUser.findUniqueOrThrow({ where: { id: who.id } });
    const secret = base32Decode(first.secret);
    expect(Buffer.from(row.totpSecret!).includes(secret)).toBe(false);
    expect(Buffer.from(row.totpSecret!).toString("latin1")).not.toContain(first.secret);
    expect(row.totpKeyVersion).toBe(masterKeyVersion(masterKey));
    expect(row.totpEnrolledAt).toBeNull();

    await expect(confirmEnrolment(handle.db, masterKey, who, "000000", { now })).rejects.toThrow("code_invalid");
    await expect(
      confirmEnrolment(handle.db, masterKey, who, totpForStep(secret, timeStep(now) + 3), { now }),
    ).rejects.toThrow("code_invalid");
    const codes = await confirmEnrolment(handle.db, masterKey, who, totpForStep(secret, timeStep(now)), {
      now,
      ipAddress: "10.0.0.9",
    });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const after = await handle.db.staffUser.findUniqueOrThrow({
      where: { id: who.id },
      include: { backupCodes: true },
    });
    expect(after.totpEnrolledAt).toEqual(now);
    expect(after.lastTotpStep).toBe(timeStep(now));
    expect(after.sessionVersion).toBe(who.sessionVersion + 1);
    expect(after.backupCodes).toHaveLength(10);
    for (const stored of after.backupCodes) {
      expect(stored.codeHash).toMatch(/^\$argon2id\$/);
      for (const code of codes) {
        expect(stored.codeHash).not.toContain(code);
        expect(stored.codeHash).not.toContain(code.replace("-", ""));
      }
    }
    // The enrolment session has ended; enrolling twice is refused.
    expect(await enrolmentFromClaims(handle.db, await signedInClaims(handle.db, who, { enrol: true }))).toBeNull();
    await expect(startEnrolment(handle.db, masterKey, who.id)).rejects.toThrow("not_pending");
    await expect(
      confirmEnrolment(
        handle.db,
        masterKey,
        { ...who, sessionVersion: who.sessionVersion + 1 },
        totpForStep(secret, timeStep(now) + 1),
        { now },
      ),
    ).rejects.toThrow("not_pending");

    const entries = await audit(who.id);
    const enrolled = entries.find((e) => e.action === "auth.totp.enrolled");
    expect(enrolled).toMatchObject({ actorLabel: "telaah", ipAddress: "10.0.0.9", detail: { backupCodes: 10 } });
    expect(
      entries.some(
        (e) => e.action === "auth.login" && (e.detail as { enrolmentPending?: boolean }).enrolmentPending === true,
      ),
    ).toBe(true);
  });
});

describe("enrolled accounts: the second factor", () => {
  let account: Awaited<ReturnType<typeof enrol>>;
  const t0 = at("2026-11-27T04:00:05Z");
  beforeAll(async () => {
    account = await enrol("kadis", t0);
  });

  it("needs a code after the right password, and a wrong password still says only 'invalid'", async () => {
    await expect(signIn("kadis", PASSWORD, undefined, plus(t0, 31))).rejects.toThrow("code_required");
    await expect(signIn("kadis", PASSWORD, "", plus(t0, 31))).rejects.toThrow("code_required");
    await expect(signIn("kadis", "wrong", totpForStep(account.secret, timeStep(t0) + 1), plus(t0, 31))).rejects.toThrow(
      /^invalid$/,
    );
    const ok = await signIn("kadis", PASSWORD, totpForStep(account.secret, timeStep(t0) + 1), plus(t0, 31));
    expect(ok).toMatchObject({ id: account.id, enrol: false });
    expect(await staffFromClaims(handle.db, await signedInClaims(handle.db, ok, { enrol: false }))).toMatchObject({
      roles: ["KEPALA_DINAS"],
    });
  });

  it("refuses a replayed time step, and every earlier one", async () => {
    const now = plus(t0, 120);
    const step = timeStep(now);
    const code = totpForStep(account.secret, step);
    await expect(signIn("kadis", PASSWORD, code, now)).resolves.toMatchObject({ enrol: false });
    expect((await handle.db.staffUser.findUniqueOrThrow({ where: { id: account.id } })).lastTotpStep).toBe(step);
    await expect(signIn("kadis", PASSWORD, code, now)).rejects.toThrow("code_invalid");
    await expect(signIn("kadis", PASSWORD, code, plus(now, 20))).rejects.toThrow("code_invalid");
    await expect(signIn("kadis", PASSWORD, totpForStep(account.secret, step - 1), now)).rejects.toThrow("code_invalid");
    // The enrolment step itself was spent at enrolment.
    await expect(signIn("kadis", PASSWORD, totpForStep(account.secret, account.enrolStep), t0)).rejects.toThrow(
      "code_invalid",
    );
    // The next step is fresh.
    await expect(signIn("kadis", PASSWORD, totpForStep(account.secret, step + 1), now)).resolves.toMatchObject({
      enrol: false,
    });
  });

  it("counts wrong codes toward the same budget as wrong passwords; asking for the code costs nothing", async () => {
    const now = plus(t0, 600);
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const here = { sleep, ipAddress: "10.0.0.8" };
    await expect(signIn("kadis", "wrong", undefined, now, here)).rejects.toThrow(/^invalid$/);
    for (let i = 2; i <= PAIR_LIMIT; i++) {
      // Password right but no code: answered, not counted.
      await expect(signIn("kadis", PASSWORD, undefined, now, here)).rejects.toThrow("code_required");
      await expect(signIn("kadis", PASSWORD, i % 2 ? "000000" : "zzzz-zzzz", now, here)).rejects.toThrow(
        "code_invalid",
      );
    }
    expect(waits).toEqual(Array.from({ length: PAIR_LIMIT }, (_, i) => failureDelayMs(i + 1)));
    // Throttled here: even the right password and a fresh, right code are refused unchecked.
    await expect(signIn("kadis", PASSWORD, totpForStep(account.secret, timeStep(now)), now, here)).rejects.toThrow(
      "throttled",
    );
    await expect(signIn("kadis", PASSWORD, account.backupCodes[9], now, here)).rejects.toThrow("throttled");
    const later = plus(now, THROTTLE_WINDOW_MINUTES * 60 + 1);
    await expect(
      signIn("kadis", PASSWORD, totpForStep(account.secret, timeStep(later)), later, here),
    ).resolves.toMatchObject({ enrol: false });

    const failed = (await audit(account.id)).filter((e) => e.action === "auth.login.failed");
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(
      expect.arrayContaining(["password", "code", "throttled"]),
    );
    expect(failed.at(-1)?.ipAddress).toBe("10.0.0.8");
  });

  it("counts parallel wrong codes one by one", async () => {
    const now = plus(t0, 3600);
    const here = { ipAddress: "10.0.0.10" };
    const results = await Promise.allSettled(
      Array.from({ length: PAIR_LIMIT + 2 }, (_, i) => signIn("kadis", PASSWORD, String(100000 + i), now, here)),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "ok"));
    expect(messages.filter((m) => m === "code_invalid")).toHaveLength(PAIR_LIMIT);
    expect(messages.filter((m) => m === "throttled")).toHaveLength(2);
    const later = plus(now, THROTTLE_WINDOW_MINUTES * 60 + 1);
    await expect(
      signIn("kadis", PASSWORD, totpForStep(account.secret, timeStep(later)), later, here),
    ).resolves.toMatchObject({ enrol: false });
  });

  it("accepts each backup code once, in any case and with or without the hyphen", async () => {
    const now = plus(t0, 7200);
    const [first, second] = account.backupCodes as [string, string];
    await expect(signIn("kadis", PASSWORD, first, now)).resolves.toMatchObject({ enrol: false });
    await expect(signIn("kadis", PASSWORD, first, now)).rejects.toThrow("code_invalid");
    await expect(signIn("kadis", PASSWORD, second.toUpperCase().replace("-", " "), now)).resolves.toMatchObject({
      enrol: false,
    });
    const codes = await handle.db.backupCode.findMany({ where: { userId: account.id } });
    expect(codes.filter((c) => c.usedAt !== null)).toHaveLength(2);
    const used = (await audit(account.id)).filter((e) => e.action === "auth.backup_code.used");
    expect(used.map((e) => e.detail)).toEqual([{ remaining: 9 }, { remaining: 8 }]);
    expect((await audit(account.id)).filter((e) => e.action === "auth.login").at(-1)?.detail).toEqual({
      method: "backup_code",
    });
  });

  it("after an Admin reset of the factor, the next sign-in enrols again and old codes are useless", async () => {
    const now = plus(t0, 9000);
    const before = await handle.db.staffUser.findUniqueOrThrow({ where: { id: account.id } });
    // What Admin's "reset second factor" does.
    await handle.db.$transaction([
      handle.db.backupCode.deleteMany({ where: { userId: account.id } }),
      handle.db.staffUser.update({
        where: { id: account.id },
        data: { totpSecret: null, totpEnrolledAt: null, sessionVersion: { increment: 1 } },
      }),
    ]);
    expect(await staffFromClaims(handle.db, await signedInClaims(handle.db, before))).toBeNull();
    const session = await signIn("kadis", PASSWORD, account.backupCodes[5], now);
    expect(session).toMatchObject({ enrol: true, sessionVersion: before.sessionVersion + 1 });
    const again = await enrol("kadis", plus(now, 60));
    expect(again.secret.equals(account.secret)).toBe(false);
    await expect(signIn("kadis", PASSWORD, account.backupCodes[6], plus(now, 120))).rejects.toThrow("code_invalid");
    await expect(
      signIn("kadis", PASSWORD, totpForStep(account.secret, timeStep(plus(now, 120))), plus(now, 120)),
    ).rejects.toThrow("code_invalid");
    await expect(signIn("kadis", PASSWORD, again.backupCodes[0], plus(now, 120))).resolves.toMatchObject({
      enrol: false,
    });
  });

  it("refuses a secret sealed for another account (the box is bound to its row)", async () => {
    const other = await handle.db.staffUser.findUniqueOrThrow({ where: { username: "pengawas" } });
    const mine = await handle.db.staffUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(() => openTotpSecret(masterKey, other.id, mine.totpSecret!)).toThrow();
  });
});
