import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../server/env.ts";
import { getSetting, parseSetting, SETTING_KEYS, SettingError } from "../server/domain/settings.ts";
import { settingDefaults } from "../server/domain/settings-defaults.ts";
import { Role } from "../server/generated/prisma/enums.ts";
import { openTestDb, type TestDbHandle } from "../server/testing/test-db.ts";
import { assertDemoSeedAllowed, DEMO_ACCOUNTS, SeedRefusedError, seedDemo, type SeedResult } from "./seed-data.ts";

// One database for the file (opening one costs seconds); suites run in order.
let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("settings (before seeding)", () => {
  it("reads defaults while a key is absent, and rejects a bad stored value", async () => {
    const limits = await getSetting(handle.db, "uploads.limits");
    expect(limits).toEqual(settingDefaults["uploads.limits"]);
    limits.maxFilesPerReport = 99; // a caller's change never leaks into the defaults
    expect(settingDefaults["uploads.limits"].maxFilesPerReport).toBe(5);

    await handle.db.setting.create({ data: { key: "sla.standards", value: { "2": 30 } } });
    await expect(getSetting(handle.db, "sla.standards")).rejects.toThrow(SettingError);
    await handle.db.setting.delete({ where: { key: "sla.standards" } });
  });

  it("default values all pass their schemas", () => {
    for (const key of SETTING_KEYS) expect(parseSetting(key, settingDefaults[key])).toEqual(settingDefaults[key]);
  });
});

describe("demo seed", () => {
  let first: SeedResult;
  const printed: string[] = [];

  beforeAll(async () => {
    first = await seedDemo(handle.db, { log: (line) => printed.push(line) });
  });

  it("creates one account per role, each with an argon2id hash of the printed password", async () => {
    const users = await handle.db.staffUser.findMany({ orderBy: { username: "asc" } });
    expect(users.flatMap((u) => u.roles).sort()).toEqual(Object.values(Role).sort());
    expect(first.createdAccounts.map((a) => a.username).sort()).toEqual(users.map((u) => u.username));
    for (const user of users) {
      const line = printed.find((l) => l.trim().split(/\s+/)[0] === user.username);
      expect(line, `printed row for ${user.username}`).toBeDefined();
      const password = line!.trim().split(/\s+/).at(-1)!;
      expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user.passwordHash, password)).toBe(true);
      expect(user.nip).toMatch(/^(19|20)\d{6}(19|20)\d{2}(0[1-9]|1[0-2])[12]\d{3}$/);
      expect(user.active).toBe(true);
    }
    // Different random passwords, never one shared secret.
    expect(new Set(first.createdAccounts.map((a) => a.password)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it("uses the Kepala Dinas who signed the SOP", async () => {
    const kadis = await handle.db.staffUser.findUniqueOrThrow({ where: { username: "kadis" } });
    expect(kadis).toMatchObject({
      name: "MUL'ATMIDY, S.Sos., M.A.P.",
      nip: "197904022005021004",
      rankGrade: "Pembina Tingkat I (IV/b)",
      roles: [Role.KEPALA_DINAS],
    });
  });

  it("writes every setting, each valid for its schema", async () => {
    const rows = await handle.db.setting.findMany();
    expect(rows.map((r) => r.key).sort()).toEqual([...SETTING_KEYS].sort());
    for (const row of rows)
      expect(() => parseSetting(row.key as (typeof SETTING_KEYS)[number], row.value)).not.toThrow();

    expect(await getSetting(handle.db, "sla.standards")).toEqual({
      "2": 30,
      "3": 30,
      "4": 60,
      "5": 60,
      "6": 60,
      "7": 15,
      "8": 15,
    });
    expect(await getSetting(handle.db, "office.identity")).toMatchObject({
      regency: "PEMERINTAH KABUPATEN LAMANDAU",
      city: "Nanga Bulik",
    });
    expect((await getSetting(handle.db, "numbering.letters")).TANGGAPAN).toBe("503/{seq}/{code}-WBS/DPMPTSP/{year}");
    const signers = await getSetting(handle.db, "letters.signers");
    const kadis = await handle.db.staffUser.findUniqueOrThrow({ where: { username: "kadis" } });
    expect(signers.TANGGAPAN).toBe(kadis.id);
    expect(signers.BERITA_ACARA).toBe(kadis.id);
  });

  it("a second run creates and changes nothing", async () => {
    const snapshot = async () => ({
      users: await handle.db.staffUser.findMany({ orderBy: { username: "asc" } }),
      settings: await handle.db.setting.findMany({ orderBy: { key: "asc" } }),
    });
    const before = await snapshot();
    const lines: string[] = [];
    const second = await seedDemo(handle.db, { log: (line) => lines.push(line) });
    expect(second).toEqual({ createdAccounts: [], createdSettings: [] });
    expect(await snapshot()).toEqual(before);
    for (const { password } of first.createdAccounts) expect(lines.join("\n")).not.toContain(password);
  });

  it("leaves a setting Admin changed alone, and restores only a missing one", async () => {
    await handle.db.setting.update({ where: { key: "sla.autoArchive" }, data: { value: { officeDays: 20 } } });
    await handle.db.setting.delete({ where: { key: "uploads.limits" } });
    const again = await seedDemo(handle.db, { log: () => {} });
    expect(again.createdSettings).toEqual(["uploads.limits"]);
    expect(await getSetting(handle.db, "sla.autoArchive")).toEqual({ officeDays: 20 });
  });
});

describe("production guard", () => {
  it("refuses demo accounts in production unless LENTERA_ALLOW_DEMO_SEED is set", () => {
    const secrets = {
      LENTERA_MASTER_KEY: "a".repeat(64),
      LENTERA_TRACKING_KEY: "b".repeat(64),
      NEXTAUTH_SECRET: "c".repeat(40),
    };
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://wbs@db:5432/wbs",
      NEXTAUTH_URL: "https://wbs.example.go.id",
      ...secrets,
    };
    expect(() => assertDemoSeedAllowed(loadEnv(production))).toThrow(SeedRefusedError);
    expect(() => assertDemoSeedAllowed(loadEnv({ ...production, LENTERA_ALLOW_DEMO_SEED: "true" }))).not.toThrow();
    expect(() => assertDemoSeedAllowed({ isProduction: false, allowDemoSeed: true })).not.toThrow();
  });
});
