/**
 * The admin router through tRPC's server-side caller, as the browser would reach it: every
 * call resolves the staff member from their session claims (uid + sessionVersion) against the
 * database, like server/trpc/context.ts does.
 */
import { TRPCError } from "@trpc/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedDemo } from "../../prisma/seed-data.ts";
import { authorizeStaff } from "../auth/authorize.ts";
import { staffFromClaims } from "../auth/staff-session.ts";
import { signedInClaims } from "../testing/staff-claims.ts";
import type { Db } from "../db.ts";
import { appendAudit } from "../domain/audit.ts";
import { caseScope, mayViewCase } from "../domain/cases/access.ts";
import { CASE_ROLES } from "../domain/roles.ts";
import { getSetting, type SettingKey } from "../domain/settings.ts";
import { Role } from "../generated/prisma/enums.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { appRouter } from "./_app.ts";
import { rejection } from "../testing/rejection.ts";

const PASSWORD = "uji-Kata-Sandi-2026";
const createCaller = createCallerFactory(appRouter);
let handle: TestDbHandle;
let db: Db;

/** A caller holding `username`'s session as it is now (a later sessionVersion bump ends it). */
async function sessionOf(username: string) {
  const user = await db.staffUser.findUniqueOrThrow({
    where: { username },
    select: { id: true, sessionVersion: true },
  });
  return signedInClaims(db, user);
}
async function callerFor(username: string, database: Db = db) {
  const claims = await sessionOf(username);
  return createCaller({ db: database, staff: () => staffFromClaims(database, claims) });
}
const nobody = () => createCaller({ db, staff: async () => null });
const idOf = async (username: string) =>
  (await db.staffUser.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;

/** Everything an admin call could change. */
async function snapshot() {
  const [users, settings, audit, backupCodes, assets] = await Promise.all([
    db.staffUser.findMany({ orderBy: { id: "asc" } }),
    db.setting.findMany({ orderBy: { key: "asc" } }),
    db.auditEntry.count(),
    db.backupCode.count(),
    db.officeAsset.findMany(),
  ]);
  return JSON.stringify({ users, settings, audit, backupCodes, assets }, (_, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

/** The newest entry written by an admin action (sign-ins in between write auth.* entries). */
async function lastAudit() {
  return db.auditEntry.findFirstOrThrow({
    where: { NOT: { action: { startsWith: "auth." } } },
    orderBy: { id: "desc" },
  });
}

/** A valid emblem: refused calls must be refused for who calls, not for what they send. */
const EMBLEM_PNG = (
  await sharp({ create: { width: 64, height: 64, channels: 3, background: "#a01010" } })
    .png()
    .toBuffer()
).toString("base64");

const newUser = (
  over: Partial<{
    username: string;
    nip: string;
    name: string;
    rankGrade: string;
    position: string;
    roles: Role[];
  }> = {},
) => ({
  username: "Staf.Baru",
  nip: "1990 0101 201501 1 001",
  name: "Rina Marlina, S.H.",
  rankGrade: "Penata Muda (III/a)",
  position: "Analis Pengaduan",
  roles: [Role.SEKRETARIAT],
  ...over,
});

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  await seedDemo(db, { log: () => {}, password: () => PASSWORD });
});
afterAll(() => handle?.close());

describe("who may call the admin procedures", () => {
  const NON_ADMIN = ["sekretariat", "telaah", "audit", "kadis", "pengawas"];
  const adminCalls = async (caller: Awaited<ReturnType<typeof callerFor>>) => {
    const target = await idOf("telaah");
    return [
      caller.admin.users.list(),
      caller.admin.users.create(newUser({ username: "penyusup" })),
      caller.admin.users.update({ id: target, name: "X", nip: "", rankGrade: "", position: "Y", roles: [Role.ADMIN] }),
      caller.admin.users.setActive({ id: target, active: false }),
      caller.admin.users.resetSecondFactor({ id: target }),
      caller.admin.users.resetPassword({ id: target }),
      caller.admin.settings.list(),
      caller.admin.settings.update({ key: "sla.autoArchive", value: { officeDays: 1 } }),
      caller.admin.settings.emblem.get(),
      caller.admin.settings.emblem.set({ base64: EMBLEM_PNG }),
      caller.admin.settings.emblem.remove(),
    ];
  };

  it.each(NON_ADMIN)(
    "refuses every user and setting procedure to %s (FORBIDDEN), changing nothing",
    async (username) => {
      const before = await snapshot();
      // Every call's refusal is awaited from the start: one left waiting would be unhandled.
      const refused = await Promise.all((await adminCalls(await callerFor(username))).map(rejection));
      for (const e of refused) expect(e.code).toBe("FORBIDDEN");
      expect(await snapshot()).toBe(before);
    },
  );

  it("refuses every procedure to nobody (UNAUTHORIZED), changing nothing", async () => {
    const before = await snapshot();
    const caller = nobody();
    const calls = [
      ...(await adminCalls(caller)),
      caller.admin.audit.list({ filter: {} }),
      caller.admin.audit.actors(),
      caller.admin.audit.verify(),
    ];
    for (const e of await Promise.all(calls.map(rejection))) expect(e.code).toBe("UNAUTHORIZED");
    expect(await snapshot()).toBe(before);
  });

  it.each(["sekretariat", "telaah", "audit", "kadis"])(
    "refuses the audit trail to %s (FORBIDDEN)",
    async (username) => {
      const caller = await callerFor(username);
      const refused = await Promise.all(
        [caller.admin.audit.list({ filter: {} }), caller.admin.audit.actors(), caller.admin.audit.verify()].map(
          rejection,
        ),
      );
      for (const e of refused) expect(e.code).toBe("FORBIDDEN");
    },
  );

  it("never touches a case table, whatever Admin does", async () => {
    const touched = new Set<string>();
    const watched = db.$extends({
      query: {
        $allModels: {
          $allOperations({ model, args, query }) {
            touched.add(model);
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const admin = await callerFor("admin", watched);
    const { user } = await admin.admin.users.create(newUser({ username: "pengamat", nip: "" }));
    await admin.admin.users.list();
    await admin.admin.users.update({
      id: user.id,
      name: "Pengamat",
      nip: "",
      rankGrade: "",
      position: "Staf",
      roles: [Role.TIM_AUDIT],
    });
    await admin.admin.users.resetSecondFactor({ id: user.id });
    await admin.admin.users.resetPassword({ id: user.id });
    await admin.admin.users.setActive({ id: user.id, active: false });
    await admin.admin.users.setActive({ id: user.id, active: true });
    await admin.admin.settings.list();
    await admin.admin.settings.update({ key: "sla.autoArchive", value: { officeDays: 15 } });
    await admin.admin.settings.emblem.set({ base64: EMBLEM_PNG });
    await admin.admin.settings.emblem.get();
    await admin.admin.settings.emblem.remove();
    await admin.admin.audit.list({ filter: {} });
    await admin.admin.audit.actors();
    await admin.admin.audit.verify();
    // The session check itself is one SQL statement (staffFromClaims), which model hooks do not see.
    expect([...touched].sort()).toEqual(["AuditEntry", "BackupCode", "OfficeAsset", "Setting", "StaffUser"]);
  });
});

describe("users", () => {
  it("creates an account with a generated password shown once, usable to sign in, audited without secrets", async () => {
    const admin = await callerFor("admin");
    const { user, password } = await admin.admin.users.create(newUser());
    expect(user).toMatchObject({
      username: "staf.baru",
      nip: "199001012015011001",
      roles: [Role.SEKRETARIAT],
      active: true,
      mustChangePassword: true,
      totpEnrolledAt: null,
    });
    expect(user).not.toHaveProperty("passwordHash");
    expect(password).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    await expect(authorizeStaff(db, { username: "staf.baru", password })).resolves.toMatchObject({ id: user.id });
    await expect(authorizeStaff(db, { username: "199001012015011001", password })).resolves.toMatchObject({
      id: user.id,
    });

    const entry = await lastAudit();
    expect(entry).toMatchObject({
      action: "user.create",
      actorId: await idOf("admin"),
      actorLabel: "admin",
      target: `user:${user.id}`,
      detail: { username: "staf.baru", roles: ["SEKRETARIAT"] },
    });
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    const everything = JSON.stringify(await db.auditEntry.findMany(), (_, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    );
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(stored.passwordHash);
    expect(everything).not.toContain("argon2");
  });

  it("refuses a taken username or NIP, and shows field errors for malformed input", async () => {
    const admin = await callerFor("admin");
    const before = await snapshot();
    const taken = await rejection(admin.admin.users.create(newUser({ username: "KADIS", nip: "" })));
    expect(taken).toMatchObject({ code: "CONFLICT", message: "admin.username_taken" });
    const nip = await rejection(admin.admin.users.create(newUser({ username: "lain", nip: "19790402 200502 1 004" })));
    expect(nip).toMatchObject({ code: "CONFLICT", message: "admin.nip_taken" });

    const malformed = await rejection(
      admin.admin.users.create(newUser({ username: "x", nip: "12345", name: " ", roles: [] })),
    );
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(malformed.cause).toBeInstanceOf(z.ZodError);
    expect(Object.keys(z.flattenError(malformed.cause as z.ZodError).fieldErrors).sort()).toEqual([
      "name",
      "nip",
      "roles",
      "username",
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("edits name, position and rank without ending the session; a role change ends it at once", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("telaah");
    const session = await sessionOf("telaah");
    const current = await db.staffUser.findUniqueOrThrow({ where: { id } });
    const edited = {
      id,
      name: "Hendra Saputra, S.H., M.H.",
      nip: current.nip!,
      rankGrade: "Pembina (IV/a)",
      position: current.position,
      roles: [Role.TIM_TELAAH],
    };
    await admin.admin.users.update(edited);
    expect(await lastAudit()).toMatchObject({
      action: "user.update",
      target: `user:${id}`,
      detail: { username: "telaah", fields: ["name", "rankGrade"] },
    });
    expect(await staffFromClaims(db, session)).toMatchObject({ id, name: "Hendra Saputra, S.H., M.H." });

    // Saving the same values again changes and records nothing.
    const count = await db.auditEntry.count();
    await admin.admin.users.update(edited);
    expect(await db.auditEntry.count()).toBe(count);

    await admin.admin.users.update({ ...edited, roles: [Role.TIM_TELAAH, Role.TIM_AUDIT] });
    expect(await lastAudit()).toMatchObject({
      action: "user.update",
      detail: { fields: ["roles"], rolesAdded: ["TIM_AUDIT"], rolesRemoved: [] },
    });
    expect(await staffFromClaims(db, session)).toBeNull();
    const fresh = await sessionOf("telaah");
    expect(await staffFromClaims(db, fresh)).toMatchObject({ roles: [Role.TIM_AUDIT, Role.TIM_TELAAH] });
  });

  it("refuses a NIP that another account holds when editing", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("audit");
    const current = await db.staffUser.findUniqueOrThrow({ where: { id } });
    const e = await rejection(
      admin.admin.users.update({
        id,
        name: current.name,
        nip: "197904022005021004",
        rankGrade: "",
        position: current.position,
        roles: current.roles,
      }),
    );
    expect(e).toMatchObject({ code: "CONFLICT", message: "admin.nip_taken" });
  });

  it("an Admin cannot deactivate themself or remove their own ADMIN role", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("admin");
    const me = await db.staffUser.findUniqueOrThrow({ where: { id } });
    const before = await snapshot();
    expect(await rejection(admin.admin.users.setActive({ id, active: false }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "admin.self_lockout",
    });
    expect(
      await rejection(
        admin.admin.users.update({
          id,
          name: me.name,
          nip: me.nip!,
          rankGrade: me.rankGrade!,
          position: me.position,
          roles: [Role.PENGAWAS],
        }),
      ),
    ).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "admin.self_lockout",
    });
    expect(await snapshot()).toBe(before);
  });

  it("no account changes its own roles, and ADMIN is never held with a case role", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("admin");
    const me = await db.staffUser.findUniqueOrThrow({ where: { id } });
    const profile = { name: me.name, nip: me.nip!, rankGrade: me.rankGrade!, position: me.position };
    const before = await snapshot();
    // Giving oneself a case role (then signing in again) would let Admin read reports.
    expect(
      await rejection(admin.admin.users.update({ id, ...profile, roles: [Role.ADMIN, Role.PENGAWAS] })),
    ).toMatchObject({ code: "PRECONDITION_FAILED", message: "admin.self_roles" });
    // Nor for anyone else, on creation or on update, for every case role.
    const other = await db.staffUser.findUniqueOrThrow({ where: { username: "sekretariat" } });
    for (const role of CASE_ROLES) {
      expect(
        await rejection(
          admin.admin.users.create(
            newUser({ username: `campur.${role.toLowerCase().replace("_", "")}`, nip: "", roles: [Role.ADMIN, role] }),
          ),
        ),
      ).toMatchObject({ code: "BAD_REQUEST", message: "admin.admin_case_role" });
      const update = admin.admin.users.update({
        id: other.id,
        name: other.name,
        nip: other.nip ?? "",
        rankGrade: other.rankGrade ?? "",
        position: other.position,
        roles: [Role.ADMIN, role],
      });
      expect(await rejection(update)).toMatchObject({ code: "BAD_REQUEST", message: "admin.admin_case_role" });
    }
    expect(await snapshot()).toBe(before);
    // The database refuses the combination from any writer.
    await expect(
      db.staffUser.update({ where: { id }, data: { roles: [Role.ADMIN, Role.KEPALA_DINAS] } }),
    ).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });

  it("an account holding ADMIN reads no case even if a case role was written next to it", async () => {
    const id = await idOf("admin");
    const caseId = "00000000-0000-7000-8000-000000000000"; // refused on the role, before any lookup
    // Simulates a database edited without its guard: the application must still refuse.
    await db.$executeRawUnsafe(`ALTER TABLE staff_users DISABLE TRIGGER staff_users_admin_without_case_roles`);
    try {
      await db.staffUser.update({ where: { id }, data: { roles: [Role.ADMIN, Role.PENGAWAS] } });
      const admin = await callerFor("admin");
      const principal = await staffFromClaims(db, await sessionOf("admin"));
      expect(principal?.roles).toEqual([Role.ADMIN]);
      expect(await rejection(admin.cases.list({}))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(admin.cases.get({ caseId }))).toMatchObject({ code: "FORBIDDEN" });
      expect(
        mayViewCase({ id, roles: [Role.ADMIN, Role.PENGAWAS] }, { involvesLeadership: false, excludesUser: false }),
      ).toBe(false);
      expect(caseScope({ id, roles: [Role.ADMIN, Role.PENGAWAS] })).toBeNull();
    } finally {
      await db.staffUser.update({ where: { id }, data: { roles: [Role.ADMIN] } });
      await db.$executeRawUnsafe(`ALTER TABLE staff_users ENABLE TRIGGER staff_users_admin_without_case_roles`);
    }
  });

  it("two Admins removing each other's ADMIN role at once leave exactly one Admin", async () => {
    const first = await callerFor("admin");
    const { user: second } = await first.admin.users.create(
      newUser({ username: "admin2", nip: "", roles: [Role.ADMIN] }),
    );
    const adminId = await idOf("admin");
    const a = await callerFor("admin");
    const b = await callerFor("admin2");
    const profile = (u: { name: string; position: string }) => ({
      name: u.name,
      nip: "",
      rankGrade: "",
      position: u.position,
      roles: [Role.SEKRETARIAT],
    });
    const adminRow = await db.staffUser.findUniqueOrThrow({ where: { id: adminId } });
    const results = await Promise.allSettled([
      a.admin.users.update({ id: second.id, ...profile(second) }),
      b.admin.users.update({ id: adminId, ...profile(adminRow), nip: adminRow.nip! }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as TRPCError;
    // The loser is either no longer an Admin (its session ended, or it is reloaded without the role).
    expect(["UNAUTHORIZED", "FORBIDDEN"]).toContain(refused.code);
    const admins = (await db.staffUser.findMany({ where: { active: true } })).filter((u) =>
      u.roles.includes(Role.ADMIN),
    );
    expect(admins).toHaveLength(1);
    // Put things back: whoever is left restores the demo admin's role and retires admin2.
    const survivor = await callerFor(admins[0]!.username);
    if (admins[0]!.id !== adminId) {
      await survivor.admin.users.update({
        id: adminId,
        name: adminRow.name,
        nip: adminRow.nip!,
        rankGrade: adminRow.rankGrade!,
        position: adminRow.position,
        roles: [Role.ADMIN],
      });
    }
    await (await callerFor("admin")).admin.users.setActive({ id: second.id, active: false });
  });

  it("deactivation ends the session at once and blocks sign-in; reactivation lets them sign in again", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("sekretariat");
    const session = await sessionOf("sekretariat");
    const sekretariat = await callerFor("sekretariat");
    expect(await staffFromClaims(db, session)).not.toBeNull();

    const row = await admin.admin.users.setActive({ id, active: false });
    expect(row.active).toBe(false);
    expect(await lastAudit()).toMatchObject({
      action: "user.deactivate",
      target: `user:${id}`,
      detail: { username: "sekretariat" },
    });
    expect(await staffFromClaims(db, session)).toBeNull();
    expect((await rejection(sekretariat.staff.me())).code).toBe("UNAUTHORIZED");
    await expect(authorizeStaff(db, { username: "sekretariat", password: PASSWORD })).rejects.toThrow("invalid");

    // Deactivating twice records nothing more.
    const count = await db.auditEntry.count();
    await admin.admin.users.setActive({ id, active: false });
    expect(await db.auditEntry.count()).toBe(count);

    await admin.admin.users.setActive({ id, active: true });
    expect(await lastAudit()).toMatchObject({ action: "user.reactivate", target: `user:${id}` });
    await expect(authorizeStaff(db, { username: "sekretariat", password: PASSWORD })).resolves.toMatchObject({ id });
    // The session from before the deactivation stays dead.
    expect(await staffFromClaims(db, session)).toBeNull();
  });

  it("resetting the second factor clears the secret, the replay guard and the backup codes, and ends the session", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("kadis");
    await db.staffUser.update({
      where: { id },
      data: {
        totpSecret: Buffer.alloc(44, 1),
        totpKeyVersion: 1,
        totpEnrolledAt: new Date(),
        lastTotpStep: 59_000_000,
      },
    });
    await db.backupCode.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ userId: id, codeHash: `hash-${i}` })),
    });
    const session = await sessionOf("kadis");

    const row = await admin.admin.users.resetSecondFactor({ id });
    expect(row.totpEnrolledAt).toBeNull();
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ totpSecret: null, totpKeyVersion: null, totpEnrolledAt: null, lastTotpStep: null });
    expect(await db.backupCode.count({ where: { userId: id } })).toBe(0);
    expect(await staffFromClaims(db, session)).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "user.reset_factor",
      target: `user:${id}`,
      detail: { username: "kadis", wasEnrolled: true, backupCodesDeleted: 10 },
    });
  });

  it("resetting a password gives a new one once, ends the session and lifts a lock", async () => {
    const admin = await callerFor("admin");
    const id = await idOf("audit");
    await db.staffUser.update({
      where: { id },
      data: { lockedUntil: new Date(Date.now() + 3_600_000), failedLoginCount: 0 },
    });
    const session = await sessionOf("audit");
    const { password } = await admin.admin.users.resetPassword({ id });
    expect(await staffFromClaims(db, session)).toBeNull();
    await expect(authorizeStaff(db, { username: "audit", password: PASSWORD })).rejects.toThrow("invalid");
    await expect(authorizeStaff(db, { username: "audit", password })).resolves.toMatchObject({ id });
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: "user.reset_password", detail: { username: "audit" } });
    expect(JSON.stringify(entry.detail)).not.toContain(password);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await callerFor("admin");
    expect(
      await rejection(admin.admin.users.setActive({ id: "0195f3c2-0000-7000-8000-000000000000", active: false })),
    ).toMatchObject({ code: "NOT_FOUND", message: "admin.not_found" });
  });

  it("lists accounts without any secret", async () => {
    const users = await (await callerFor("admin")).admin.users.list();
    expect(users.length).toBeGreaterThanOrEqual(6);
    for (const u of users)
      for (const secret of ["passwordHash", "totpSecret", "lastTotpStep", "sessionVersion", "backupCodes"])
        expect(u).not.toHaveProperty(secret);
  });
});

describe("settings", () => {
  it("lists every key with its value and who changed it last", async () => {
    const settings = await (await callerFor("admin")).admin.settings.list();
    expect(Object.keys(settings).sort()).toEqual([
      "backup.schedule",
      "letters.signers",
      "numbering.caseReference",
      "numbering.letters",
      "office.holidays",
      "office.hours",
      "office.identity",
      "retention.archive",
      "sla.autoArchive",
      "sla.commitments",
      "sla.standards",
      "uploads.limits",
    ]);
    expect(settings["sla.standards"]).toMatchObject({ stored: true, invalid: false, value: { "2": 30 } });
  });

  it("refuses invalid values field by field, storing and recording nothing", async () => {
    const admin = await callerFor("admin");
    const before = await snapshot();
    // Each key with an invalid value and the problems named, in the form's order.
    const refused: [SettingKey, unknown, { path: string; code: string }[]][] = [
      [
        "office.identity",
        { ...(await getSetting(db, "office.identity")), email: "bukan-email", officeName: "" },
        [
          { path: "officeName", code: "required" },
          { path: "email", code: "email" },
        ],
      ],
      [
        "office.hours",
        { timeZone: "Asia/Jakarta", days: { "1": ["16:00", "08:00"], "2": ["8:00", "16:00"] } },
        // Not also "opening after closing" for the same day: one problem at a time.
        [
          { path: "days.1", code: "time_order" },
          { path: "days.2.0", code: "time" },
        ],
      ],
      [
        "uploads.limits",
        { ...(await getSetting(db, "uploads.limits")), maxTotalBytes: 1 },
        [{ path: "maxTotalBytes", code: "total_lt_file" }],
      ],
      ["numbering.caseReference", "WBS-{year}", [{ path: "", code: "pattern_seq" }]],
      [
        "sla.standards",
        { ...(await getSetting(db, "sla.standards")), "3": 0, "4": 1.5 },
        [
          { path: "3", code: "positive" },
          { path: "4", code: "integer" },
        ],
      ],
      [
        "letters.signers",
        { TANGGAPAN: "0195f3c2-0000-7000-8000-000000000000" },
        [{ path: "TANGGAPAN", code: "unknown_signer" }],
      ],
    ];
    for (const [key, value, issues] of refused)
      expect(await admin.admin.settings.update({ key, value }), key).toEqual({ ok: false, issues });
    expect(await snapshot()).toBe(before);
  });

  it("stores a valid change with who made it and audits the key and changed field names only", async () => {
    const admin = await callerFor("admin");
    const adminId = await idOf("admin");
    const settings = await admin.admin.settings.list();
    const identity = settings["office.identity"];
    const result = await admin.admin.settings.update({
      key: "office.identity",
      value: { ...identity.value, phone: "(0532) 2070000" },
      expectedUpdatedAt: identity.updatedAt,
    });
    expect(result).toMatchObject({ ok: true, changed: ["phone"] });
    const row = await db.setting.findUniqueOrThrow({ where: { key: "office.identity" } });
    expect(row).toMatchObject({ updatedById: adminId, value: { phone: "(0532) 2070000" } });
    const entry = await lastAudit();
    expect(entry).toMatchObject({
      action: "setting.update",
      actorId: adminId,
      target: "setting:office.identity",
      detail: { key: "office.identity", fields: ["phone"] },
    });
    expect(JSON.stringify(entry.detail)).not.toContain("2070000");

    // A second Admin's form loaded before that change is refused instead of overwriting it.
    const stale = await rejection(
      admin.admin.settings.update({
        key: "office.identity",
        value: { ...identity.value, city: "Pangkalan Bun" },
        expectedUpdatedAt: identity.updatedAt,
      }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", message: "admin.stale_setting" });

    // Saving what is stored records nothing.
    const count = await db.auditEntry.count();
    expect(await admin.admin.settings.update({ key: "office.identity", value: row.value })).toMatchObject({
      ok: true,
      changed: [],
    });
    expect(await db.auditEntry.count()).toBe(count);
  });

  it("edits office hours per weekday, holidays (kept sorted, no duplicates) and signers", async () => {
    const admin = await callerFor("admin");
    const hours = await getSetting(db, "office.hours");
    const { "5": _friday, ...rest } = hours.days;
    expect(
      await admin.admin.settings.update({
        key: "office.hours",
        value: { ...hours, days: { ...rest, "6": ["08:00", "12:00"] } },
      }),
    ).toMatchObject({ ok: true, changed: ["days.5", "days.6"] });
    expect((await getSetting(db, "office.hours")).days).toMatchObject({ "6": ["08:00", "12:00"] });

    const holidays = await getSetting(db, "office.holidays");
    const result = await admin.admin.settings.update({
      key: "office.holidays",
      value: ["2026-12-31", ...holidays.filter((d) => d !== "2026-01-01"), "2026-12-31"],
    });
    expect(result).toMatchObject({ ok: true, changed: ["value"] });
    const stored = await getSetting(db, "office.holidays");
    expect(stored).toEqual([...stored].sort());
    expect(stored).toContain("2026-12-31");
    expect(stored).not.toContain("2026-01-01");
    expect(stored.filter((d) => d === "2026-12-31")).toHaveLength(1);

    const audit = await idOf("audit");
    expect(
      await admin.admin.settings.update({
        key: "letters.signers",
        value: { ...(await getSetting(db, "letters.signers")), BERITA_ACARA: audit },
      }),
    ).toMatchObject({ ok: true, changed: ["BERITA_ACARA"] });
    expect(
      await admin.admin.settings.update({
        key: "sla.standards",
        value: { ...(await getSetting(db, "sla.standards")), "4": 90 },
      }),
    ).toMatchObject({ ok: true, changed: ["4"] });
    expect(await getSetting(db, "sla.standards")).toMatchObject({ "4": 90 });
  });
});

describe("audit trail", () => {
  beforeAll(async () => {
    const at = new Date("2026-03-02T03:00:00Z"); // 10:00 in Jakarta, Monday 2 March 2026
    const sekretariat = await idOf("sekretariat"); // outside the transaction: PGlite has one connection
    await db.$transaction(async (tx) => {
      await appendAudit(tx, {
        actorLabel: "reporter",
        action: "case.message",
        caseId: "case-a",
        target: "message:m1",
        detail: { files: 0 },
        at,
      });
      await appendAudit(tx, {
        actorId: sekretariat,
        actorLabel: "sekretariat",
        action: "case.transition",
        caseId: "case-a",
        detail: { from: "SUBMITTED", to: "RECORDED", step: 2 },
        at,
      });
      await appendAudit(tx, {
        actorLabel: "tamu",
        action: "auth.login.failed",
        ipAddress: "10.1.2.3",
        at: new Date("2026-03-03T16:59:59Z"),
      }); // 23:59 in Jakarta
      await appendAudit(tx, {
        actorLabel: "system",
        action: "case.auto_archive",
        caseId: "case-b",
        at: new Date("2026-03-03T17:00:00Z"),
      }); // 00:00 on the 4th
    });
  });

  it("shows the Pengawas every entry, newest first, and the Admin only sign-ins, accounts and settings", async () => {
    const all = await (await callerFor("pengawas")).admin.audit.list({ filter: {} });
    const actions = all.entries.map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual(["case.auto_archive", "auth.login.failed", "case.transition", "case.message"]);
    expect(actions).toContain("user.create");
    expect(actions).toContain("setting.update");
    const ids = all.entries.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));

    const adminView = await (await callerFor("admin")).admin.audit.list({ filter: {} });
    expect(adminView.entries.length).toBeGreaterThan(0);
    for (const e of adminView.entries) expect(e.action).toMatch(/^(auth|user|setting)\./);
    expect((await (await callerFor("admin")).admin.audit.list({ filter: { caseId: "case-a" } })).entries).toEqual([]);
    expect((await (await callerFor("admin")).admin.audit.list({ filter: { action: "case." } })).entries).toEqual([]);
  });

  it("filters by action prefix, actor, case and Jakarta dates", async () => {
    const pengawas = await callerFor("pengawas");
    const list = async (filter: object) => (await pengawas.admin.audit.list({ filter })).entries.map((e) => e.action);
    expect(await list({ caseId: "case-a" })).toEqual(["case.transition", "case.message"]);
    expect(await list({ action: "case.tr" })).toEqual(["case.transition"]);
    expect(await list({ actor: "reporter" })).toEqual(["case.message"]);
    expect(await list({ actor: "system" })).toEqual(["case.auto_archive"]);
    expect(await list({ actor: await idOf("sekretariat"), action: "case." })).toEqual(["case.transition"]);
    expect(await list({ from: "2026-03-03", to: "2026-03-03" })).toEqual(["auth.login.failed"]);
    expect(await list({ from: "2026-03-02", to: "2026-03-04" })).toEqual([
      "case.auto_archive",
      "auth.login.failed",
      "case.transition",
      "case.message",
    ]);
    expect(await list({ from: "2026-03-04", to: "2026-03-04", action: "case." })).toEqual(["case.auto_archive"]);
    const [failed] = (await pengawas.admin.audit.list({ filter: { action: "auth." } })).entries;
    expect(failed).toMatchObject({ actorLabel: "tamu", ipAddress: "10.1.2.3", detail: "{}" });
    expect((await rejection(pengawas.admin.audit.list({ filter: { from: "3 Maret" } }))).code).toBe("BAD_REQUEST");
  });

  it("pages by keyset on id without gaps or repeats", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++)
        await appendAudit(tx, { actorLabel: "system", action: "case.sla_check", detail: { i }, at: new Date() });
    });
    const pengawas = await callerFor("pengawas");
    const total = await db.auditEntry.count();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { entries: { id: string }[]; nextCursor: string | null } = await pengawas.admin.audit.list({
        filter: {},
        cursor,
      });
      expect(page.entries.length).toBeLessThanOrEqual(50);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(total / 50));
    expect(new Set(seen).size).toBe(total);
  });

  it("verifies the chain for the Pengawas and names a tampered entry", async () => {
    const pengawas = await callerFor("pengawas");
    const count = await db.auditEntry.count();
    expect(await pengawas.admin.audit.verify()).toEqual({ ok: true, count });
    const victim = await db.auditEntry.findFirstOrThrow({ where: { action: "user.deactivate" } });
    await db.$executeRawUnsafe(
      `UPDATE audit_entries SET detail = '{"username":"orang-lain"}' WHERE id = $1`,
      victim.id,
    );
    expect(await pengawas.admin.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { id: victim.id.toString(), reason: "hash" },
    });
  });
});
