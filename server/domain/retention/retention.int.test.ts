/**
 * The retention rule end to end on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): a case taken through all eight steps through the router, then the run
 * with a clock moved to just before and just after its period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../env.ts";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { CaseStatus } from "../../generated/prisma/enums.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { appRouter } from "../../routers/_app.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { sampleReport } from "../../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { verifyAuditChain } from "../audit-verify.ts";
import { openJson, randomToken, unwrapDataKey } from "../crypto.ts";
import { acknowledgeResponse, sendReporterMessage } from "../reporter/case-actions.ts";
import { reporterCaseView } from "../reporter/case-view.ts";
import { openReporterSession, resumeReporterSession } from "../reporter/session.ts";
import { submitPortalReport } from "../reporter/submit-report.ts";
import { reporterLetter } from "../letters/read.ts";
import { openCases, periodStatistics, receivedPerYear, yearPeriod } from "../statistics/aggregates.ts";
import { computePublicStatistics } from "../statistics/public-statistics.ts";
import { reportSchema } from "../cases/report-content.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import { renderLetter } from "../../pdf/render.tsx";
import { sampleLetter } from "../../pdf/sample-letters.ts";
import { runRetention } from "./run.ts";
import { approveTanggapan, askWhenReview, forwardReview, meetAndMinute } from "../../testing/case-steps.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
type Username = "sekretariat" | "telaah" | "audit" | "kadis" | "pengawas";
const createCaller = createCallerFactory(appRouter);
const as = (username: Username) => createCaller({ db: handle.db, staff: async () => users[username]! });
const { masterKey, trackingKey } = env().secrets;
const TZ = "Asia/Jakarta";
const YEAR_MS = 366 * 86_400_000;

const file: SanitizedFile = {
  bytes: Buffer.from("kuitansi 5 juta"),
  mime: "text/plain",
  kind: "TEXT",
  fileName: "kuitansi.txt",
  strippedMetadata: false,
  warning: false,
};

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
  // The first PDF loads fonts and the renderer; outside a transaction, so a loaded machine does not push
  // the first letter's transaction past its time limit.
  await renderLetter(sampleLetter("TANGGAPAN"));
});
afterAll(() => handle?.close());

/** A confidential portal report with a file, taken through all eight steps; returns its id, reference and tracking code. */
async function archivedCase() {
  const report = reportSchema.parse({
    ...sampleReport(),
    identityMode: "CONFIDENTIAL",
    identity: { name: "Siti Pelapor", contact: "0812 0000 1111" },
  });
  const receipt = await submitPortalReport(
    handle.db,
    { masterKey, trackingKey },
    { report, files: [file], idempotencyKey: randomToken() },
  );
  const { id: caseId } = await handle.db.case.findUniqueOrThrow({
    where: { reference: receipt.reference },
    select: { id: true },
  });
  const who = { sessionId: "s", caseId };
  await as("sekretariat").cases.record({ caseId, subject: "Dugaan suap perizinan" });
  await as("telaah").cases.review(askWhenReview(caseId, "Waktu belum jelas", "Kapan tepatnya?"));
  await sendReporterMessage(handle.db, masterKey, who, {
    body: "Tanggal 3 Oktober 2026",
    files: [file],
    idempotencyKey: randomToken(),
  });
  await as("telaah").cases.review(forwardReview(caseId));
  await meetAndMinute(as, users, caseId, { considerations: "Kuitansi" });
  await as("sekretariat").cases.saveDraft({
    caseId,
    type: "TANGGAPAN",
    content: { body: "Laporan Anda terbukti." },
    submit: true,
  });
  await as("kadis").cases.decideDraft({ caseId, type: "TANGGAPAN", approve: false, note: "Sebutkan tindak lanjutnya" });
  await approveTanggapan(as, caseId, "Laporan Anda terbukti; pegawai ybs. diberi teguran.");
  await as("sekretariat").cases.sendResponse({ caseId, method: "PORTAL" });
  await acknowledgeResponse(handle.db, who);
  await as("sekretariat").cases.archive({ caseId });
  const row = await handle.db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, archivedAt: true, reference: true },
  });
  expect(row.status).toBe(CaseStatus.ARCHIVED);
  return { caseId, reference: row.reference, code: receipt.trackingCode, archivedAt: row.archivedAt! };
}

async function enable(years = 1, months = 0) {
  await handle.db.setting.upsert({
    where: { key: "retention.archive" },
    create: { key: "retention.archive", value: { enabled: true, years, months, runAt: "02:00" } },
    update: { value: { enabled: true, years, months, runAt: "02:00" } },
  });
}

/** Everything sealed or register-like about a case, to compare before and after. */
async function snapshot(caseId: string) {
  const db = handle.db;
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  return {
    c,
    attachments: await db.attachment.count({ where: { caseId } }),
    messages: await db.message.count({ where: { caseId } }),
    timeline: await db.timelineEvent.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, fromStatus: true, toStatus: true, step: true, createdAt: true, note: true },
    }),
    steps: await db.stepRecord.findMany({ where: { caseId }, orderBy: { step: "asc" } }),
    review: await db.review.findUniqueOrThrow({ where: { caseId } }),
    meetings: await db.meeting.findMany({ where: { caseId } }),
    drafts: await db.documentDraft.findMany({ where: { caseId }, orderBy: { type: "asc" } }),
    letters: await db.letter.findMany({ where: { caseId }, orderBy: [{ issuedAt: "asc" }, { id: "asc" }] }),
    agenda: await db.agendaEntry.findMany({ where: { caseId }, orderBy: { book: "asc" } }),
    sessions: await db.reporterSession.count({ where: { caseId } }),
    idempotency: await db.idempotencyKey.count({ where: { caseId } }),
  };
}

async function statistics(year: number, now: Date) {
  const db = handle.db;
  return {
    period: await periodStatistics(db, yearPeriod(year, TZ), TZ),
    perYear: await receivedPerYear(db, TZ),
    open: await openCases(db, now),
    public: await computePublicStatistics(db, year, now, Buffer.alloc(32, 7)),
  };
}

const destroyRecords = (caseId: string) =>
  handle.db.auditEntry.findMany({ where: { caseId, action: "retention.destroy" } });

describe("retention of archived cases", () => {
  it("does nothing while the rule is off, or before the period has passed", async () => {
    const { caseId, archivedAt } = await archivedCase();
    const before = await snapshot(caseId);
    expect(await runRetention(handle.db, new Date(archivedAt.getTime() + 10 * YEAR_MS))).toEqual({
      enabled: false,
      destroyed: [],
      failed: [],
    });
    await enable(1);
    // One year after 2026-12-xx is 2027-12-xx: a minute earlier nothing is due.
    const due = new Date(archivedAt.getTime() + 365 * 86_400_000);
    expect((await runRetention(handle.db, new Date(due.getTime() - 60_000))).destroyed).toEqual([]);
    expect(await snapshot(caseId)).toEqual(before);
    expect(openJson<{ what: string }>(unwrapDataKey(masterKey, before.c.wrappedKey), before.c.payload).what).toContain(
      "Suap",
    );
  });

  it("destroys every kind of content after the period, keeps registers and statistics, and records it in an audit chain that still verifies", async () => {
    await enable(1);
    const { caseId, reference, code, archivedAt } = await archivedCase();
    const open = await as("sekretariat").cases.record({
      caseId: (
        await submitPortalReport(
          handle.db,
          { masterKey, trackingKey },
          { report: sampleReport(), files: [], idempotencyKey: randomToken() },
          new Date(archivedAt.getTime() - YEAR_MS),
        ).then((r) => handle.db.case.findUniqueOrThrow({ where: { reference: r.reference } }))
      ).id,
      subject: "Lama, masih terbuka",
    });
    expect(open.agendaNumber).toBeGreaterThan(0);
    const signedIn = await openReporterSession(handle.db, trackingKey, code);
    expect(signedIn.ok).toBe(true);

    const before = await snapshot(caseId);
    expect([
      before.attachments,
      before.messages,
      before.sessions > 0,
      before.c.reporterIdentity !== null,
      before.letters.length >= 3,
    ]).toEqual([2, 2, true, true, true]);
    expect(before.timeline.some((e) => e.note !== null)).toBe(true);
    const now = new Date(archivedAt.getTime() + YEAR_MS);
    const year = Number(before.c.receivedAt.toISOString().slice(0, 4));
    const statsBefore = await statistics(year, now);

    const run = await runRetention(handle.db, now);
    expect(run.failed).toEqual([]);
    const mine = run.destroyed.find((d) => d.caseId === caseId)!;
    expect(mine.reference).toBe(reference);
    expect(mine.destroyed).toMatchObject({
      report: 1,
      reporterIdentity: 1,
      attachments: 2,
      messages: 2,
      review: 1,
      drafts: 2,
      agendaSubjects: 1,
      dataKey: 1,
    });
    expect(mine.destroyed.letterPdfs).toBe(before.letters.length);

    const after = await snapshot(caseId);
    // The content is gone ...
    expect([
      after.c.payload.length,
      after.c.wrappedKey.length,
      after.c.reporterIdentity,
      after.c.destroyedAt?.getTime(),
    ]).toEqual([0, 0, null, now.getTime()]);
    expect([after.attachments, after.messages, after.sessions, after.idempotency]).toEqual([0, 0, 0, 0]);
    expect(after.timeline.every((e) => e.note === null)).toBe(true);
    expect(after.review.content.length).toBe(0);
    expect(after.meetings.every((m) => m.agenda === null && m.discussion === null && m.resolution === null)).toBe(true);
    expect(after.drafts.every((d) => d.content.length === 0 && d.returnNote === null)).toBe(true);
    expect(after.letters.every((l) => l.content?.length === 0 && l.source === null)).toBe(true);
    expect(after.agenda.every((a) => a.summary === null)).toBe(true);
    // ... and what the registers and statistics use stays as it was.
    const plain = ({
      payload: _p,
      wrappedKey: _w,
      reporterIdentity: _r,
      destroyedAt: _d,
      updatedAt: _u,
      ...rest
    }: typeof before.c) => rest;
    expect(plain(after.c)).toEqual(plain(before.c));
    expect(after.timeline.map(({ note: _n, ...e }) => e)).toEqual(before.timeline.map(({ note: _n, ...e }) => e));
    expect(after.steps).toEqual(before.steps);
    expect(after.letters.map(({ content: _c, source: _s, ...l }) => l)).toEqual(
      before.letters.map(({ content: _c, source: _s, ...l }) => l),
    );
    expect(after.agenda.map(({ summary: _s, ...a }) => a)).toEqual(before.agenda.map(({ summary: _s, ...a }) => a));
    expect(after.drafts.map((d) => [d.type, d.status, d.letterId, d.sentAt])).toEqual(
      before.drafts.map((d) => [d.type, d.status, d.letterId, d.sentAt]),
    );
    expect([after.review.recommendation, after.review.isComplete, after.review.letterId]).toEqual([
      before.review.recommendation,
      before.review.isComplete,
      before.review.letterId,
    ]);
    expect(await statistics(year, now)).toEqual(statsBefore);

    // The audit trail: one record per case and one for the run, and the chain verifies.
    const [record] = await destroyRecords(caseId);
    expect(record).toMatchObject({ actorLabel: "system", target: `case:${caseId}`, createdAt: now });
    expect(record!.detail).toMatchObject({
      reference,
      archivedAt: archivedAt.toISOString(),
      rule: { setting: "retention.archive", years: 1, months: 0 },
      destroyed: { report: 1, messages: 2 },
    });
    expect(JSON.stringify(record!.detail)).not.toMatch(/Suap|Siti|kuitansi/i);
    const runRecord = await handle.db.auditEntry.findFirstOrThrow({
      where: { action: "retention.run" },
      orderBy: { id: "desc" },
    });
    expect((runRecord.detail as { references: string[] }).references).toContain(reference);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });

    // The old case that is still open was not touched.
    expect(
      await handle.db.case.count({ where: { destroyedAt: { not: null }, status: { not: CaseStatus.ARCHIVED } } }),
    ).toBe(0);

    // Staff see the case without its content instead of an error; letters are no longer served.
    const staffView = await as("pengawas").cases.get({ caseId });
    expect([
      staffView.destroyedAt?.getTime(),
      staffView.report,
      staffView.identity,
      staffView.messages,
      staffView.attachments,
    ]).toEqual([now.getTime(), null, null, [], []]);
    expect(staffView.letters.map((l) => l.id).sort()).toEqual(before.letters.map((l) => l.id).sort());
    expect(staffView.agenda).toHaveLength(2);
    await expect(as("sekretariat").cases.message({ caseId, body: "Masih ada?" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const tanggapan = before.letters.find((l) => l.type === "TANGGAPAN" && l.sha256)!;
    expect(await reporterLetter(handle.db, masterKey, caseId, tanggapan.id)).toBeNull();

    // The reporter's tracking code still opens the case, which says its content was destroyed.
    const again = await openReporterSession(handle.db, trackingKey, code);
    expect(again.ok).toBe(true);
    const who = await resumeReporterSession(handle.db, again.ok ? again.token : undefined);
    const seen = await reporterCaseView(handle.db, masterKey, who!.caseId);
    expect(seen).toMatchObject({
      reference,
      status: "ARCHIVED",
      destroyedAt: now,
      messages: [],
      response: null,
      responseLetter: null,
      canReply: false,
      canAcknowledge: false,
    });
    expect(seen!.steps.every((s) => s.doneAt !== null)).toBe(true);
  });

  it("does nothing more when run again", async () => {
    await enable(1);
    const { archivedAt } = await archivedCase();
    const now = new Date(archivedAt.getTime() + YEAR_MS);
    expect((await runRetention(handle.db, now)).destroyed.length).toBeGreaterThan(0);
    const audits = await handle.db.auditEntry.count();
    expect(await runRetention(handle.db, now)).toEqual({ enabled: true, destroyed: [], failed: [] });
    expect(await handle.db.auditEntry.count()).toBe(audits);
  });

  it("leaves a case exactly as it was when its destruction fails midway, and the next run finishes it", async () => {
    await enable(1);
    const { caseId, reference, archivedAt } = await archivedCase();
    const now = new Date(archivedAt.getTime() + YEAR_MS);
    const before = await snapshot(caseId);
    const audits = await handle.db.auditEntry.count();
    // A real failure inside the transaction, after attachments, messages, notes, review and drafts were
    // already changed.
    await handle.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_letter_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`,
    );
    await handle.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_letter_update BEFORE UPDATE ON letters FOR EACH ROW WHEN (OLD.case_id = '${caseId}') EXECUTE FUNCTION refuse_letter_update()`,
    );
    try {
      const run = await runRetention(handle.db, now);
      expect(run.failed.map((f) => f.reference)).toEqual([reference]);
      expect(run.failed[0]!.error).toMatch(/disk full/);
      expect(run.destroyed.map((d) => d.reference)).not.toContain(reference);
    } finally {
      await handle.db.$executeRawUnsafe(`DROP TRIGGER refuse_letter_update ON letters`);
      await handle.db.$executeRawUnsafe(`DROP FUNCTION refuse_letter_update()`);
    }
    expect(await snapshot(caseId)).toEqual(before);
    expect(await destroyRecords(caseId)).toEqual([]);
    expect(await handle.db.auditEntry.count()).toBe(audits);

    const retry = await runRetention(handle.db, now);
    expect(retry.destroyed.map((d) => d.reference)).toEqual([reference]);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});
