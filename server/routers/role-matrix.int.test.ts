/**
 * The role matrix: every tRPC procedure called as every role, as a user excluded from the
 * case, and as nobody. Refusals are UNAUTHORIZED (nobody), FORBIDDEN (role) or NOT_FOUND (the
 * excluded user, for anything about the case); refused calls change nothing. A procedure added
 * to the router without a row here fails the completeness check.
 */
import { TRPCError } from "@trpc/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed-data.ts";
import { staffFromClaims, type StaffPrincipal } from "../auth/staff-session.ts";
import { signedInClaims } from "../testing/staff-claims.ts";
import { randomToken } from "../domain/crypto.ts";
import { Role } from "../generated/prisma/enums.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { appRouter } from "./_app.ts";
import { submitSampleCase } from "../testing/sample-case.ts";
import { forwardReview } from "../testing/case-steps.ts";

const ROLE_USERS = ["sekretariat", "telaah", "audit", "kadis", "admin", "pengawas"] as const;
type Caller = (typeof ROLE_USERS)[number] | "excluded" | "nobody";
const CALLERS: readonly Caller[] = [...ROLE_USERS, "excluded", "nobody"];
const CASE_ROLE_USERS = ["sekretariat", "telaah", "audit", "kadis", "pengawas"] as const;

let handle: TestDbHandle;
let caseId: string;
let letterId: string;
let targetUserId: string;
const principals: Partial<Record<Caller, StaffPrincipal>> = {};
const createCaller = createCallerFactory(appRouter);
const callerFor = (who: Caller) => createCaller({ db: handle.db, staff: async () => principals[who] ?? null });
type Api = ReturnType<typeof callerFor>;

interface Row {
  call: (api: Api) => Promise<unknown>;
  /** Who may call it (besides, for `aboutCase` rows, not the excluded user). */
  allowed: readonly Caller[];
  /** Reads or changes the test case: the excluded user gets NOT_FOUND even with a fitting role. */
  aboutCase?: boolean;
}

const ALL_STAFF: readonly Caller[] = [...ROLE_USERS, "excluded"];
/** Large enough to pass the emblem's minimum size. */
const EMBLEM_PNG = (
  await sharp({ create: { width: 64, height: 64, channels: 3, background: "#a01010" } })
    .png()
    .toBuffer()
).toString("base64");

// The account router's enrolment procedures need an enrolment session (no second factor yet);
// server/auth/account-router.int.test.ts shows every other caller is refused there.
const ENROLMENT_ONLY = ["account.pendingEnrolment", "account.startEnrolment", "account.confirmEnrolment"];

const MATRIX: Record<string, Row> = {
  "portal.overview": { call: (a) => a.portal.overview(), allowed: CALLERS },
  "portal.statistics": { call: (a) => a.portal.statistics({ year: 2026 }), allowed: CALLERS },
  "portal.sampleData": { call: (a) => a.portal.sampleData(), allowed: CALLERS },
  "statistics.office": {
    call: (a) => a.statistics.office({ from: "2026-01-01", to: "2026-12-31" }),
    allowed: ["kadis", "pengawas", "sekretariat", "excluded"],
  },
  "staff.me": { call: (a) => a.staff.me(), allowed: ALL_STAFF },
  "staff.frame": { call: (a) => a.staff.frame(), allowed: ALL_STAFF },
  "account.security": { call: (a) => a.account.security(), allowed: ALL_STAFF },
  // A wrong current password: allowed through, then BAD_REQUEST, nothing changed.
  "account.changePassword": {
    call: (a) =>
      a.account.changePassword({
        current: "bukan-sandinya",
        next: "Kata-Sandi-Baru-2026",
        repeat: "Kata-Sandi-Baru-2026",
      }),
    allowed: ALL_STAFF,
  },

  "cases.list": { call: (a) => a.cases.list({}), allowed: [...CASE_ROLE_USERS, "excluded"] },
  "home.queue": { call: (a) => a.home.queue(), allowed: [...CASE_ROLE_USERS, "excluded"] },
  "cases.staffDirectory": { call: (a) => a.cases.staffDirectory(), allowed: [...CASE_ROLE_USERS, "excluded"] },
  "cases.agenda": {
    call: (a) => a.cases.agenda({ book: "PERMOHONAN", year: 2026 }),
    allowed: ["sekretariat", "telaah", "kadis", "pengawas", "excluded"],
  },
  "cases.get": { call: (a) => a.cases.get({ caseId }), allowed: CASE_ROLE_USERS, aboutCase: true },
  "cases.revision": { call: (a) => a.cases.revision({ caseId }), allowed: CASE_ROLE_USERS, aboutCase: true },
  "cases.record": { call: (a) => a.cases.record({ caseId }), allowed: ["sekretariat"], aboutCase: true },
  "cases.review": {
    call: (a) => a.cases.review(forwardReview(caseId, "x")),
    allowed: ["telaah"],
    aboutCase: true,
  },
  "cases.resume": {
    call: (a) => a.cases.resume({ caseId, note: "Dijawab lewat telepon" }),
    allowed: ["telaah"],
    aboutCase: true,
  },
  "cases.convene": {
    call: (a) => a.cases.convene({ caseId, startsAt: new Date(), place: "x", agenda: "x", attendees: [{ name: "x" }] }),
    allowed: ["kadis"],
    aboutCase: true,
  },
  "cases.meetingOutcome": {
    call: async (a) => {
      const meeting = await handle.db.meeting.findFirst({ where: { caseId }, select: { id: true } });
      return a.cases.meetingOutcome({
        caseId,
        meetingId: meeting?.id ?? "00000000-0000-4000-8000-000000000000",
        discussion: "x",
        resolution: "x",
      });
    },
    allowed: ["kadis", "audit"],
    aboutCase: true,
  },
  "cases.saveDraft": {
    call: (a) => a.cases.saveDraft({ caseId, type: "TANGGAPAN", content: { body: "x" }, submit: false }),
    allowed: ["sekretariat", "telaah", "audit"],
    aboutCase: true,
  },
  "cases.decideDraft": {
    call: (a) => a.cases.decideDraft({ caseId, type: "BERITA_ACARA", approve: true }),
    allowed: ["kadis"],
    aboutCase: true,
  },
  "cases.sendResponse": {
    call: (a) => a.cases.sendResponse({ caseId, method: "POST" }),
    allowed: ["sekretariat"],
    aboutCase: true,
  },
  "cases.recordDelivery": {
    call: (a) => a.cases.recordDelivery({ caseId, note: "x" }),
    allowed: ["sekretariat"],
    aboutCase: true,
  },
  "cases.correctLetter": {
    call: (a) => a.cases.correctLetter({ letterId, reason: "NIP penanda tangan salah" }),
    allowed: ["sekretariat", "telaah", "kadis"],
    aboutCase: true,
  },
  "cases.archive": { call: (a) => a.cases.archive({ caseId }), allowed: ["sekretariat"], aboutCase: true },
  "cases.message": {
    call: (a) => a.cases.message({ caseId, body: "Mohon tambahkan bukti." }),
    allowed: ["sekretariat", "telaah"],
    aboutCase: true,
  },
  "cases.exclude": {
    call: (a) => a.cases.exclude({ caseId, userId: targetUserId, reason: "x" }),
    allowed: ["telaah", "kadis"],
    aboutCase: true,
  },

  "admin.users.list": { call: (a) => a.admin.users.list(), allowed: ["admin"] },
  "admin.users.create": {
    call: (a) =>
      a.admin.users.create({
        username: `baru.${randomToken().slice(0, 8).toLowerCase()}`,
        nip: "",
        name: "Staf Baru",
        rankGrade: "",
        position: "Analis",
        roles: [Role.SEKRETARIAT],
      }),
    allowed: ["admin"],
  },
  "admin.users.update": {
    call: (a) =>
      a.admin.users.update({
        id: targetUserId,
        name: "Sasaran",
        nip: "",
        rankGrade: "",
        position: "Analis",
        roles: [Role.TIM_AUDIT],
      }),
    allowed: ["admin"],
  },
  "admin.users.setActive": {
    call: (a) => a.admin.users.setActive({ id: targetUserId, active: true }),
    allowed: ["admin"],
  },
  "admin.users.resetSecondFactor": {
    call: (a) => a.admin.users.resetSecondFactor({ id: targetUserId }),
    allowed: ["admin"],
  },
  "admin.users.resetPassword": { call: (a) => a.admin.users.resetPassword({ id: targetUserId }), allowed: ["admin"] },
  "admin.settings.list": { call: (a) => a.admin.settings.list(), allowed: ["admin"] },
  "admin.settings.update": {
    call: (a) => a.admin.settings.update({ key: "sla.autoArchive", value: { officeDays: 10 } }),
    allowed: ["admin"],
  },
  "admin.backup.status": { call: (a) => a.admin.backup.status(), allowed: ["admin", "pengawas", "excluded"] },
  "admin.settings.emblem.get": { call: (a) => a.admin.settings.emblem.get(), allowed: ["admin"] },
  "admin.settings.emblem.set": { call: (a) => a.admin.settings.emblem.set({ base64: EMBLEM_PNG }), allowed: ["admin"] },
  "admin.settings.emblem.remove": { call: (a) => a.admin.settings.emblem.remove(), allowed: ["admin"] },
  "admin.audit.list": { call: (a) => a.admin.audit.list({ filter: {} }), allowed: ["admin", "pengawas", "excluded"] },
  "admin.audit.actors": { call: (a) => a.admin.audit.actors(), allowed: ["admin", "pengawas", "excluded"] },
  "admin.audit.verify": { call: (a) => a.admin.audit.verify(), allowed: ["admin", "pengawas", "excluded"] },

  "notifications.list": { call: (a) => a.notifications.list({ unreadOnly: false }), allowed: ALL_STAFF },
  "notifications.unreadCount": { call: (a) => a.notifications.unreadCount(), allowed: ALL_STAFF },
  "notifications.markRead": { call: (a) => a.notifications.markRead({ ids: [] }), allowed: ALL_STAFF },
  "notifications.markAllRead": { call: (a) => a.notifications.markAllRead(), allowed: ALL_STAFF },
  "notifications.preferences": { call: (a) => a.notifications.preferences(), allowed: ALL_STAFF },
  "notifications.savePreferences": {
    call: (a) => a.notifications.savePreferences({ email: "", emailLocale: "id", emailDigest: false, mutedKinds: [] }),
    allowed: ALL_STAFF,
  },
  "notifications.smtp": { call: (a) => a.notifications.smtp(), allowed: ["admin"] },
  "notifications.saveSmtp": {
    call: (a) => a.notifications.saveSmtp({ enabled: false, host: "", port: 587, tls: "starttls", user: "", from: "" }),
    allowed: ["admin"],
  },
  "notifications.saveTiming": {
    call: (a) => a.notifications.saveTiming({ dueSoonMinutes: 10, digestTime: "07:30" }),
    allowed: ["admin"],
  },
  // No server configured: the answer is "not configured", nothing leaves the machine.
  "notifications.sendTest": { call: (a) => a.notifications.sendTest(), allowed: ["admin"] },
  "notifications.setUserEmail": {
    call: (a) => a.notifications.setUserEmail({ id: targetUserId, email: "" }),
    allowed: ["admin"],
  },
  "notifications.userEmails": { call: (a) => a.notifications.userEmails(), allowed: ["admin"] },
};

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `THREW ${String(e)}`),
  );

/** Everything a refused call could have changed. */
async function snapshot(): Promise<string> {
  const db = handle.db;
  const counts = await Promise.all([
    db.case.count(),
    db.timelineEvent.count(),
    db.stepRecord.count(),
    db.review.count(),
    db.meeting.count(),
    db.documentDraft.count(),
    db.agendaEntry.count(),
    db.message.count(),
    db.caseExclusion.count(),
    db.auditEntry.count(),
    db.sequence.count(),
  ]);
  const theCase = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const users = await db.staffUser.findMany({
    orderBy: { username: "asc" },
    select: { username: true, active: true, roles: true, sessionVersion: true, passwordHash: true, totpSecret: true },
  });
  const settings = await db.setting.findMany({ orderBy: { key: "asc" } });
  const assets = await db.officeAsset.findMany({ orderBy: { key: "asc" } });
  return JSON.stringify({ counts, theCase, users, settings, assets }, (_k, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => "uji-Kata-Sandi-2026" });
  const base = { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y", rankGrade: null, nip: null };
  // Holds every case role, and is excluded from the test case: only the exclusion keeps them out.
  await handle.db.staffUser.create({
    data: {
      ...base,
      username: "terkecuali",
      name: "Pegawai Terkecuali",
      position: "Analis",
      roles: [Role.SEKRETARIAT, Role.TIM_TELAAH, Role.TIM_AUDIT, Role.KEPALA_DINAS, Role.PENGAWAS],
    },
  });
  targetUserId = (
    await handle.db.staffUser.create({
      data: { ...base, username: "sasaran", name: "Sasaran", position: "Analis", roles: [Role.TIM_AUDIT] },
    })
  ).id;
  for (const u of await handle.db.staffUser.findMany({ select: { id: true, username: true, sessionVersion: true } })) {
    const principal = (await staffFromClaims(handle.db, await signedInClaims(handle.db, u)))!;
    if (u.username === "terkecuali") principals.excluded = principal;
    else if ((ROLE_USERS as readonly string[]).includes(u.username)) principals[u.username as Caller] = principal;
  }
  caseId = (await submitSampleCase(handle.db)).caseId;
  await callerFor("telaah").cases.exclude({ caseId, userId: principals.excluded!.id, reason: "Disebut dalam laporan" });
  // Recorded, so the case has a letter (the Catatan Pengaduan) to correct.
  await callerFor("sekretariat").cases.record({ caseId });
  letterId = (await handle.db.letter.findFirstOrThrow({ where: { caseId }, select: { id: true } })).id;
});
afterAll(() => handle?.close());

function expectedRefusal(name: string, who: Caller): string | null {
  const row = MATRIX[name]!;
  if (who === "excluded" && row.aboutCase) return "NOT_FOUND";
  if (row.allowed.includes(who)) return null;
  return who === "nobody" ? "UNAUTHORIZED" : "FORBIDDEN";
}

describe("the role matrix", () => {
  it("has a row for every procedure of the router", () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => !ENROLMENT_ONLY.includes(p));
    expect(Object.keys(MATRIX).sort()).toEqual(procedures.sort());
  });

  it("refuses each procedure to every caller outside its row, and the refused calls change nothing", async () => {
    const before = await snapshot();
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const name of Object.keys(MATRIX)) {
      for (const who of CALLERS) {
        const refusal = expectedRefusal(name, who);
        if (!refusal) continue;
        wanted.push(`${name} as ${who}: ${refusal}`);
        seen.push(`${name} as ${who}: ${await outcome(MATRIX[name]!.call(callerFor(who)))}`);
      }
    }
    expect(seen).toEqual(wanted);
    expect(await snapshot()).toBe(before);
  });

  it("lets every caller in a row through the role and access checks", async () => {
    const refusals = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"];
    const wrong: string[] = [];
    for (const name of Object.keys(MATRIX)) {
      for (const who of CALLERS) {
        if (expectedRefusal(name, who)) continue;
        // Allowed calls may still meet the SOP (CONFLICT: not this step now); never a refusal.
        const result = await outcome(MATRIX[name]!.call(callerFor(who)));
        if (refusals.includes(result) || result.startsWith("THREW")) wrong.push(`${name} as ${who}: ${result}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
