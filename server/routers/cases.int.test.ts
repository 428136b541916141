/**
 * The SOP workflow through the tRPC router, as each role: the eight
 * steps with one request for information, refusals for every other role and for nobody
 * (refused calls change nothing), exclusions, the leadership rule, and racing clerks.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../env.ts";
import { type StaffPrincipal } from "../auth/staff-session.ts";
import { acknowledgeResponse, sendReporterMessage } from "../domain/reporter/case-actions.ts";
import { reporterCaseView } from "../domain/reporter/case-view.ts";
import { randomToken } from "../domain/crypto.ts";
import { CaseStatus } from "../generated/prisma/enums.ts";
import { STEP_STATUS } from "../domain/cases/status-machine.ts";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { createCallerFactory } from "../trpc/init.ts";
import { appRouter } from "./_app.ts";
import { seedDemoStaff } from "../testing/demo-staff.ts";
import { sampleReport, submitSampleCase } from "../testing/sample-case.ts";
import { approveBeritaAcara, approveTanggapan, askWhenReview, forwardReview } from "../testing/case-steps.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const USERNAMES = ["sekretariat", "telaah", "audit", "kadis", "admin", "pengawas"] as const;
const createCaller = createCallerFactory(appRouter);
const as = (username: (typeof USERNAMES)[number] | "nobody") =>
  createCaller({ db: handle.db, staff: async () => (username === "nobody" ? null : users[username]!) });

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

async function portalCase(involvesLeadership = false) {
  const { caseId } = await submitSampleCase(handle.db, { involvesLeadership });
  return { caseId, who: { sessionId: "s", caseId } };
}

const status = async (caseId: string) => (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).status;
const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

describe("the eight SOP steps through the router", () => {
  it("moves a portal report from submission to archive, each step by its role", async () => {
    const { caseId, who } = await portalCase();
    expect(await as("sekretariat").cases.record({ caseId, subject: "Dugaan suap perizinan" })).toEqual({
      agendaNumber: 1,
    });

    await as("telaah").cases.review(
      askWhenReview(caseId, "Waktu kejadian belum jelas", "Kapan tepatnya kejadian itu?"),
    );
    expect(await status(caseId)).toBe(CaseStatus.AWAITING_INFO);
    const seen = await reporterCaseView(handle.db, env().secrets.masterKey, caseId);
    expect(seen?.messages.at(-1)).toMatchObject({
      fromOffice: true,
      isInfoRequest: true,
      body: "Kapan tepatnya kejadian itu?",
    });
    await sendReporterMessage(handle.db, env().secrets.masterKey, who, {
      body: "Tanggal 3 Oktober 2026",
      files: [],
      idempotencyKey: randomToken(),
    });
    expect(await status(caseId)).toBe(CaseStatus.RECORDED);

    await as("telaah").cases.review(forwardReview(caseId));
    await as("kadis").cases.convene({
      caseId,
      startsAt: new Date(),
      place: "Ruang rapat DPMPTSP",
      agenda: "Pembahasan laporan",
      attendees: [
        { staffUserId: users.kadis!.id, role: "CHAIR" },
        { staffUserId: users.telaah!.id },
        { staffUserId: users.audit!.id },
        { name: "Inspektur Pembantu", organization: "Inspektorat", role: "MEMBER" },
      ],
    });
    const view = await as("audit").cases.get({ caseId });
    await as("audit").cases.meetingOutcome({
      caseId,
      meetingId: view.meetings[0]!.id,
      discussion: "Bukti cukup",
      resolution: "Teguran tertulis",
    });
    await approveBeritaAcara(as, caseId, { considerations: "Bukti kuitansi", decisions: "Teguran tertulis" });
    expect(await status(caseId)).toBe(CaseStatus.MINUTED);

    await as("sekretariat").cases.saveDraft({
      caseId,
      type: "TANGGAPAN",
      content: { body: "Laporan Anda terbukti dan telah ditindaklanjuti." },
      submit: true,
    });
    await as("kadis").cases.decideDraft({
      caseId,
      type: "TANGGAPAN",
      approve: false,
      note: "Sebutkan tindak lanjutnya",
    });
    await approveTanggapan(as, caseId, "Laporan Anda terbukti; pegawai ybs. diberi teguran tertulis.");
    expect(await as("sekretariat").cases.sendResponse({ caseId, method: "PORTAL" })).toEqual({ agendaNumber: 1 });
    expect((await reporterCaseView(handle.db, env().secrets.masterKey, caseId))?.response?.body).toContain(
      "teguran tertulis",
    );
    await acknowledgeResponse(handle.db, who);
    await as("sekretariat").cases.archive({ caseId });
    expect(await status(caseId)).toBe(CaseStatus.ARCHIVED);

    const done = await as("pengawas").cases.get({ caseId });
    expect(done.steps.map((s) => [s.step, s.completedAt !== null])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((s) => [s, true]),
    );
    // The SOP's statuses in order, with the one wait for information after step 2.
    const [submitted, ...sop] = Object.values(STEP_STATUS);
    expect(done.timeline.filter((e) => e.kind === "TRANSITION").map((e) => e.to)).toEqual([
      submitted,
      "RECORDED",
      "AWAITING_INFO",
      ...sop,
    ]);
    expect(done.agenda.map((a) => a.book).sort()).toEqual(["PERMOHONAN", "TANGGAPAN"]);
  });

  it("takes an offline report from the Sekretariat, with or without a tracking code; a double post makes one case", async () => {
    const { intakeOfflineReport } = await import("../domain/cases/intake.ts");
    const ctx = {
      staff: { id: users.sekretariat!.id, username: "sekretariat", roles: users.sekretariat!.roles },
      masterKey: env().secrets.masterKey,
      trackingKey: env().secrets.trackingKey,
      now: new Date(),
    };
    const phone = {
      idempotencyKey: randomToken(),
      channel: "PHONE" as const,
      receivedAt: new Date(Date.now() - 3_600_000),
      report: sampleReport(),
      wantsTrackingCode: true,
    };
    const before = await handle.db.case.count();
    const [withCode, twice] = await Promise.all([
      intakeOfflineReport(handle.db, ctx, phone),
      intakeOfflineReport(handle.db, ctx, phone),
    ]);
    expect(withCode.trackingCode).toMatch(/^[0-9A-Z]{4}-/);
    expect(twice).toEqual(withCode);
    expect(await intakeOfflineReport(handle.db, ctx, phone)).toEqual(withCode);
    expect(await handle.db.case.count()).toBe(before + 1);
    const without = await intakeOfflineReport(handle.db, ctx, {
      idempotencyKey: randomToken(),
      channel: "SUGGESTION_BOX",
      receivedAt: new Date(),
      report: sampleReport(),
      wantsTrackingCode: false,
    });
    expect(without.trackingCode).toBeNull();
    const row = await handle.db.case.findUniqueOrThrow({ where: { id: without.id } });
    expect([row.channel, row.trackingHash, row.createdById]).toEqual(["SUGGESTION_BOX", null, users.sekretariat!.id]);
    const future = {
      idempotencyKey: randomToken(),
      channel: "SMS" as const,
      receivedAt: new Date(Date.now() + 86_400_000),
      report: sampleReport(),
      wantsTrackingCode: false,
    };
    await expect(intakeOfflineReport(handle.db, ctx, future)).rejects.toThrow(/future/);
  });
});

describe("who may do what", () => {
  it("refuses every step to every other role and to nobody, and the refused calls change nothing", async () => {
    const { caseId } = await portalCase();
    const attempts = {
      record: (u: Parameters<typeof as>[0]) => as(u).cases.record({ caseId }),
      review: (u: Parameters<typeof as>[0]) => as(u).cases.review(forwardReview(caseId, "x")),
      convene: (u: Parameters<typeof as>[0]) =>
        as(u).cases.convene({ caseId, startsAt: new Date(), place: "x", agenda: "x", attendees: [{ name: "x" }] }),
      decide: (u: Parameters<typeof as>[0]) => as(u).cases.decideDraft({ caseId, type: "BERITA_ACARA", approve: true }),
      send: (u: Parameters<typeof as>[0]) => as(u).cases.sendResponse({ caseId, method: "POST" }),
      archive: (u: Parameters<typeof as>[0]) => as(u).cases.archive({ caseId }),
      exclude: (u: Parameters<typeof as>[0]) => as(u).cases.exclude({ caseId, userId: users.audit!.id, reason: "x" }),
      get: (u: Parameters<typeof as>[0]) => as(u).cases.get({ caseId }),
    };
    const allowed: Record<keyof typeof attempts, string[]> = {
      record: ["sekretariat"],
      review: ["telaah"],
      convene: ["kadis"],
      decide: ["kadis"],
      send: ["sekretariat"],
      archive: ["sekretariat"],
      exclude: ["telaah", "kadis"],
      get: ["sekretariat", "telaah", "audit", "kadis", "pengawas"],
    };
    const before = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    for (const [name, attempt] of Object.entries(attempts) as [
      keyof typeof attempts,
      (u: Parameters<typeof as>[0]) => Promise<unknown>,
    ][]) {
      for (const u of [...USERNAMES, "nobody"] as const) {
        if (allowed[name].includes(u)) continue;
        expect(await code(attempt(u)), `${name} as ${u}`).toBe(u === "nobody" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    }
    const after = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(after).toEqual(before);
    // The right role at the wrong moment is refused too.
    expect(await code(as("sekretariat").cases.archive({ caseId }))).toBe("CONFLICT");
  });

  it("hides a case from an excluded user everywhere, and leadership cases from the Kepala Dinas", async () => {
    const { caseId } = await portalCase();
    await as("telaah").cases.exclude({ caseId, userId: users.audit!.id, reason: "Disebut dalam laporan" });
    expect(await code(as("audit").cases.get({ caseId }))).toBe("NOT_FOUND");
    const listed = await as("audit").cases.list({ pageSize: 100 });
    expect(listed.rows.some((r) => r.id === caseId)).toBe(false);
    const all = await as("sekretariat").cases.list({ pageSize: 100 });
    expect(listed.total).toBe(all.total - 1);

    const leadership = await portalCase(true);
    expect(await code(as("kadis").cases.get({ caseId: leadership.caseId }))).toBe("NOT_FOUND");
    expect((await as("kadis").cases.list({ pageSize: 100 })).rows.some((r) => r.id === leadership.caseId)).toBe(false);
    expect(
      (await as("pengawas").cases.list({ mine: true, pageSize: 100 })).rows.some((r) => r.id === leadership.caseId),
    ).toBe(true);
    await as("sekretariat").cases.record({ caseId: leadership.caseId });
    const forward = as("telaah").cases.review(forwardReview(leadership.caseId, "x"));
    expect(await code(forward)).toBe("CONFLICT");
    await as("telaah").cases.review({
      caseId: leadership.caseId,
      isComplete: true,
      inScope: false,
      elements: { what: true, who: true, where: true, when: true, how: true },
      summary: "Menyangkut pimpinan",
      decision: { recommendation: "ESCALATE", reason: "LEADERSHIP_INVOLVED", explanation: "Diteruskan ke Inspektorat" },
    });
    expect(await status(leadership.caseId)).toBe(CaseStatus.ESCALATED);
  });

  it("lets exactly one of two clerks recording the same case at once succeed", async () => {
    const { caseId } = await portalCase();
    const results = await Promise.all([0, 1].map(() => code(as("sekretariat").cases.record({ caseId }))));
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await handle.db.agendaEntry.count({ where: { caseId } })).toBe(1);
  });

  it("keeps the reporter's identity out of reach of Admin", async () => {
    const { caseId } = await portalCase();
    expect(await code(as("admin").cases.get({ caseId }))).toBe("FORBIDDEN");
    expect(await code(as("admin").cases.list({}))).toBe("FORBIDDEN");
  });
});

describe("automatic archive", () => {
  it("archives a responded case the reporter never acknowledged once the wait is over, and no other", async () => {
    const { autoArchiveUnacknowledged } = await import("../domain/cases/auto-archive.ts");
    const { caseId } = await portalCase();
    const responded = await portalCase();
    for (const id of [caseId, responded.caseId])
      await handle.db.case.update({
        where: { id },
        data: { status: CaseStatus.RESPONDED, autoArchiveAt: new Date(Date.now() + 86_400_000) },
      });
    await handle.db.case.update({ where: { id: caseId }, data: { autoArchiveAt: new Date(Date.now() - 1000) } });
    const archived = await autoArchiveUnacknowledged(handle.db, env().secrets.masterKey);
    expect(archived).toHaveLength(1);
    const row = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.status, row.archiveReason]).toEqual([CaseStatus.ARCHIVED, "NOT_ACKNOWLEDGED"]);
    expect(await status(responded.caseId)).toBe(CaseStatus.RESPONDED);
    const event = await handle.db.timelineEvent.findFirstOrThrow({ where: { caseId, toStatus: CaseStatus.ARCHIVED } });
    expect([event.actorKind, event.note !== null]).toEqual(["SYSTEM", true]);
  });
});

describe("a case page that stays current", () => {
  it("reports a revision that grows with every change, matches the case view, and reads nothing audited", async () => {
    const { caseId } = await portalCase();
    const first = await as("telaah").cases.revision({ caseId });
    expect(first.status).toBe(CaseStatus.SUBMITTED);
    expect((await as("telaah").cases.get({ caseId })).revision).toBe(first.revision);
    const audited = await handle.db.auditEntry.count({ where: { caseId } });
    expect(await as("telaah").cases.revision({ caseId })).toEqual(first);
    expect(await handle.db.auditEntry.count({ where: { caseId } })).toBe(audited);

    await as("sekretariat").cases.record({ caseId });
    const moved = await as("telaah").cases.revision({ caseId });
    expect(moved.status).toBe(CaseStatus.RECORDED);
    expect(moved.revision).toBeGreaterThan(first.revision);
    await as("sekretariat").cases.message({ caseId, body: "Terima kasih, laporan Anda sudah kami catat." });
    expect((await as("telaah").cases.revision({ caseId })).revision).toBeGreaterThan(moved.revision);

    // A stale move is refused as a conflict and changes nothing.
    expect(await code(as("sekretariat").cases.record({ caseId }))).toBe("CONFLICT");
    await as("telaah").cases.exclude({ caseId, userId: users.audit!.id, reason: "Disebut dalam laporan" });
    expect(await code(as("audit").cases.revision({ caseId }))).toBe("NOT_FOUND");
  });
});

describe("meetings that add up", () => {
  it("keeps step 4 open until the meeting is held, checks the recorded times, and starts the Berita Acara's clock then", async () => {
    const { caseId } = await portalCase();
    await as("sekretariat").cases.record({ caseId });
    await as("telaah").cases.review(forwardReview(caseId));
    const reviewed = await as("kadis").cases.get({ caseId });
    expect(reviewed.meetingProposal).not.toBeNull();

    await as("kadis").cases.convene({
      caseId,
      startsAt: new Date(Date.now() + 86_400_000),
      place: "Ruang rapat",
      agenda: "Pembahasan",
      attendees: [{ staffUserId: users.kadis!.id, role: "CHAIR" }, { staffUserId: users.audit!.id }],
    });
    const scheduled = await as("audit").cases.get({ caseId });
    const step4 = scheduled.steps.find((s) => s.step === 4)!;
    // Scheduled is not held: step 4 runs on, the Berita Acara's clock has not started, the case is due with step 4.
    expect([step4.completedAt, step4.running]).toEqual([null, true]);
    expect(scheduled.steps.some((s) => s.step === 5)).toBe(false);
    expect(scheduled.dueAt).toEqual(step4.dueAt);
    expect(scheduled.meetingProposal).toBeNull();
    // The Berita Acara cannot go to the Kepala Dinas before the meeting is held.
    expect(
      await code(
        as("audit").cases.saveDraft({
          caseId,
          type: "BERITA_ACARA",
          content: { considerations: "x", decisions: "y" },
          submit: true,
        }),
      ),
    ).toBe("CONFLICT");

    const meetingId = scheduled.meetings[0]!.id;
    const outcome = { caseId, meetingId, discussion: "Bukti cukup", resolution: "Teguran tertulis" };
    const convenedAt = (await handle.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).createdAt;
    const before = await handle.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(
      await code(as("audit").cases.meetingOutcome({ ...outcome, heldFrom: new Date(Date.now() + 10 * 60_000) })),
    ).toBe("BAD_REQUEST");
    expect(
      await code(
        as("audit").cases.meetingOutcome({
          ...outcome,
          heldFrom: new Date(),
          endsAt: new Date(Date.now() - 30 * 60_000),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await code(
        as("audit").cases.meetingOutcome({ ...outcome, heldFrom: new Date(convenedAt.getTime() - 5 * 60_000) }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await handle.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toEqual(before);

    // The form gives minutes: the minute in which it was convened is accepted.
    const heldFrom = new Date(Math.floor(convenedAt.getTime() / 60_000) * 60_000);
    const endsAt = new Date(Date.now() - 1000);
    await as("audit").cases.meetingOutcome({ ...outcome, heldFrom, endsAt });
    const held = await as("audit").cases.get({ caseId });
    expect([held.meetings[0]!.heldFrom, held.meetings[0]!.endsAt]).toEqual([heldFrom, endsAt]);
    const done4 = held.steps.find((s) => s.step === 4)!;
    expect(done4.completedAt).toEqual(endsAt);
    const step5 = held.steps.find((s) => s.step === 5)!;
    expect([step5.startedAt, step5.running]).toEqual([endsAt, true]);
    expect(held.dueAt).toEqual(step5.dueAt);

    // Defaults: held now.
    await as("kadis").cases.meetingOutcome(outcome);
    const again = await handle.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(again.heldFrom!.getTime()).toBeGreaterThanOrEqual(endsAt.getTime());
    expect(again.endsAt).toEqual(again.heldFrom);
    await approveBeritaAcara(as, caseId, { considerations: "Bukti kuitansi", decisions: "Teguran tertulis" });
    const minuted = await as("kadis").cases.get({ caseId });
    expect(minuted.steps.filter((s) => s.step === 4 || s.step === 5).map((s) => s.completedAt !== null)).toEqual([
      true,
      true,
    ]);
  });
});

// Last in the file: it adds more than a thousand cases.
describe("a long queue", () => {
  it("counts exactly up to 1 000 cases, then says there are more, and pages in due order", async () => {
    const { COUNT_LIMIT } = await import("../domain/cases/queue.ts");
    const { seedSyntheticCases } = await import("../../prisma/seed-synthetic-data.ts");
    const before = await as("sekretariat").cases.list({ pageSize: 1 });
    expect(before.totalIsLimited).toBe(false);
    await seedSyntheticCases(handle.db, env().secrets.masterKey, COUNT_LIMIT + 1 - before.total);
    const exact = await as("sekretariat").cases.list({ pageSize: 1 });
    expect([exact.total, exact.totalIsLimited]).toEqual([COUNT_LIMIT, true]);
    await handle.db.case.delete({ where: { id: exact.rows[0]!.id } });
    expect(await as("sekretariat").cases.list({ pageSize: 1 })).toMatchObject({
      total: COUNT_LIMIT,
      totalIsLimited: false,
    });

    const first = await as("sekretariat").cases.list({ pageSize: 50 });
    const second = await as("sekretariat").cases.list({ pageSize: 50, cursor: first.nextCursor! });
    const due = [...first.rows, ...second.rows].map((r) => r.dueAt?.getTime() ?? Infinity);
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(100);
  });
});
