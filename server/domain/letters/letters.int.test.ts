/**
 * Letters on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * the SOP workflow issues its four letters with per-type numbers; stored bytes never change
 * and match their hash; /verifikasi confirms a code and says so for an unknown one; staff
 * download by role and case access, audited; the reporter downloads only their own Tanggapan;
 * 50 concurrent issues of one type get 50 distinct consecutive numbers.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endStaffSession, SESSION_SECONDS } from "../../auth/session-record.ts";
import type { SessionClaims, StaffPrincipal } from "../../auth/staff-session.ts";
import { env } from "../../env.ts";
import { LetterType } from "../../generated/prisma/enums.ts";
import { indonesianDateTime } from "../../pdf/indonesian.ts";
import { pdfFonts, pdfImageCount, pdfText, qpdfCheck } from "../../pdf/pdf-tools.ts";
import { SAMPLE_CONTENT } from "../../pdf/sample-letters.ts";
import { reporterLetterResponse } from "../../http/portal/letter-response.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { appRouter } from "../../routers/_app.ts";
import { dossierResponse } from "../../http/staff/dossier-response.ts";
import { letterResponse } from "../../http/staff/letter-response.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { signedInClaims } from "../../testing/staff-claims.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { reportSchema } from "../cases/report-content.ts";
import { open, openText, randomToken, seal, sha256 } from "../crypto.ts";
import { acknowledgeResponse } from "../reporter/case-actions.ts";
import { reporterCaseView } from "../reporter/case-view.ts";
import { openReporterSession } from "../reporter/session.ts";
import { submitPortalReport } from "../reporter/submit-report.ts";
import { caseKeyOf, issueSystemLetter } from "../../testing/case-letters.ts";
import { renderedPdf } from "./render-pending.ts";
import { verifyLetter } from "./read.ts";
import { approveTanggapan, forwardReview, meetAndMinute } from "../../testing/case-steps.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const createCaller = createCallerFactory(appRouter);
const as = (username: string) => createCaller({ db: handle.db, staff: async () => users[username]! });
const sessions: Record<string, SessionClaims> = {};
const claimsOf = (username: string): SessionClaims => sessions[username]!;
const squash = (s: string) => s.replace(/\s+/g, " ");

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
  for (const [username, user] of Object.entries(users)) sessions[username] = await signedInClaims(handle.db, user);
});
afterAll(() => handle?.close());

async function portalCase() {
  const report = reportSchema.parse({
    category: "ILLEGAL_LEVY",
    content: {
      what: "Pungutan untuk legalisir dokumen izin",
      persons: [{ name: "Pak Y", position: "Staf loket" }],
      where: "Loket 2",
      when: "November 2026",
      how: "Diminta tunai",
      evidence: "",
      witnesses: "",
    },
    identityMode: "ANONYMOUS",
    involvesLeadership: false,
  });
  const receipt = await submitPortalReport(handle.db, env().secrets, {
    report,
    files: [],
    idempotencyKey: randomToken(),
  });
  const row = await handle.db.case.findUniqueOrThrow({ where: { reference: receipt.reference } });
  const session = await openReporterSession(handle.db, env().secrets.trackingKey, receipt.trackingCode);
  if (!session.ok) throw new Error("no session");
  return { caseId: row.id, reference: row.reference, token: session.token };
}

/** Steps 2–7 through the router, as each role. */
async function throughStepSix(caseId: string) {
  await as("sekretariat").cases.record({ caseId, subject: "Dugaan pungutan liar" });
  await as("telaah").cases.review(forwardReview(caseId, "Lengkap dan dalam lingkup"));
  await meetAndMinute(as, users, caseId, {
    place: "Ruang rapat DPMPTSP",
    agenda: "Pembahasan laporan",
    resolution: "Pungutan dikembalikan",
    considerations: "Pengakuan staf",
    alsoAttending: [users.telaah!.id],
  });
  await approveTanggapan(as, caseId, "Pungutan terbukti dan telah dikembalikan kepada Saudara.");
  await as("sekretariat").cases.sendResponse({ caseId, method: "PORTAL" });
}

describe("letters issued by the SOP workflow", () => {
  let mine: Awaited<ReturnType<typeof portalCase>>;
  let other: Awaited<ReturnType<typeof portalCase>>;

  beforeAll(async () => {
    mine = await portalCase();
    other = await portalCase();
    await throughStepSix(mine.caseId);
  });

  it("issues the four letters, numbered per type, each stored exactly as rendered", async () => {
    const letters = await handle.db.letter.findMany({ where: { caseId: mine.caseId }, orderBy: { issuedAt: "asc" } });
    expect(letters.map((l) => l.type)).toEqual([
      LetterType.CATATAN_PENGADUAN,
      LetterType.SURAT_PENGADUAN,
      LetterType.BERITA_ACARA,
      LetterType.TANGGAPAN,
    ]);
    const year = letters[0]!.year;
    expect(letters.map((l) => l.number)).toEqual(
      ["CP", "SP", "BA", "TGP"].map((code) => `503/1/${code}-WBS/DPMPTSP/${year}`),
    );
    const key = await caseKeyOf(handle.db, mine.caseId);
    const kadisNip = "197904022005021004";
    for (const l of letters) {
      const pdf = open(key, l.content!);
      expect(sha256(pdf).equals(Buffer.from(l.sha256!))).toBe(true);
      expect(pdf.length).toBe(l.size);
      await qpdfCheck(pdf);
      const text = squash(await pdfText(pdf));
      expect(text).toContain(l.number!);
      expect(text).toContain(l.verificationCode);
      expect(text).toContain(`NIP. ${l.signerNip}`);
    }
    expect(letters.slice(2).map((l) => l.signerNip)).toEqual([kadisNip, kadisNip]);
    // The agenda books carry the letters they record.
    const agenda = await handle.db.agendaEntry.findMany({ where: { caseId: mine.caseId }, orderBy: { book: "asc" } });
    expect(agenda.map((a) => [a.book, a.letterNumber])).toEqual([
      ["PERMOHONAN", letters[0]!.number],
      ["TANGGAPAN", letters[3]!.number],
    ]);
  });

  it("writes dates and times in the office's time zone from the settings", async () => {
    const catatanText = async (caseId: string) => {
      const letter = await handle.db.letter.findFirstOrThrow({ where: { caseId, type: LetterType.CATATAN_PENGADUAN } });
      const key = await caseKeyOf(handle.db, caseId);
      return squash(await pdfText(open(key, letter.content!)));
    };
    const receivedOf = async (caseId: string) =>
      (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).receivedAt;
    expect(await catatanText(mine.caseId)).toContain(indonesianDateTime(await receivedOf(mine.caseId), "Asia/Jakarta"));

    const hours = (await as("admin").admin.settings.list())["office.hours"].value;
    await as("admin").admin.settings.update({ key: "office.hours", value: { ...hours, timeZone: "Asia/Makassar" } });
    try {
      const wita = await portalCase();
      await as("sekretariat").cases.record({ caseId: wita.caseId, subject: "Dugaan pungutan liar" });
      const received = await receivedOf(wita.caseId);
      const text = await catatanText(wita.caseId);
      // WITA is one hour ahead of WIB: the same instant reads an hour later.
      expect(text).toContain(indonesianDateTime(received, "Asia/Makassar"));
      expect(indonesianDateTime(received, "Asia/Makassar")).toBe(
        indonesianDateTime(new Date(received.getTime() + 3_600_000), "Asia/Jakarta").replace("WIB", "WITA"),
      );
      expect(text).not.toContain(indonesianDateTime(received, "Asia/Jakarta"));
    } finally {
      await as("admin").admin.settings.update({ key: "office.hours", value: hours });
    }
  });

  it("never changes stored bytes: later steps and downloads leave every letter as issued", async () => {
    const before = await handle.db.letter.findMany({
      where: { caseId: mine.caseId },
      select: { id: true, content: true, sha256: true },
    });
    const response = await letterResponse(handle.db, claimsOf("telaah"), before[0]!.id);
    const downloaded = Buffer.from(await response.arrayBuffer());
    await acknowledgeResponse(handle.db, { sessionId: "s", caseId: mine.caseId });
    const after = await handle.db.letter.findMany({
      where: { caseId: mine.caseId, id: { in: before.map((b) => b.id) } },
      select: { id: true, content: true, sha256: true },
    });
    expect(
      after.map((a) => [a.id, Buffer.from(a.content!).toString("hex"), Buffer.from(a.sha256!).toString("hex")]),
    ).toEqual(
      before.map((b) => [b.id, Buffer.from(b.content!).toString("hex"), Buffer.from(b.sha256!).toString("hex")]),
    );
    expect(sha256(downloaded).equals(Buffer.from(before[0]!.sha256!))).toBe(true);
  });

  it("confirms a letter by its verification code, and says plainly when a code is unknown", async () => {
    const letter = await handle.db.letter.findFirstOrThrow({
      where: { caseId: mine.caseId, type: LetterType.TANGGAPAN },
    });
    const found = await verifyLetter(handle.db, letter.verificationCode.toLowerCase());
    expect(found).toEqual({
      title: "Tanggapan Pengaduan WBS",
      type: "TANGGAPAN",
      number: letter.number,
      issuedAt: letter.issuedAt,
      office: "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU, KABUPATEN LAMANDAU",
      timeZone: "Asia/Jakarta",
    });
    expect(await verifyLetter(handle.db, "0000-0000-0000")).toBeNull();
    expect(await verifyLetter(handle.db, "not a code")).toBeNull();
  });

  it("lets staff who may see the case download its letters, audited, and nobody else", async () => {
    const letter = await handle.db.letter.findFirstOrThrow({
      where: { caseId: mine.caseId, type: LetterType.SURAT_PENGADUAN },
    });
    const ok = await letterResponse(handle.db, claimsOf("kadis"), letter.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    expect(ok.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="surat-pengaduan-wbs-503-1-SP-WBS-DPMPTSP-\d{4}\.pdf"$/,
    );
    expect(ok.headers.get("Cache-Control")).toBe("no-store");
    const audit = await handle.db.auditEntry.findFirst({
      where: { action: "letter.download", target: `letter:${letter.id}`, actorId: users.kadis!.id },
    });
    expect(audit).not.toBeNull();
    const audited = () =>
      handle.db.auditEntry.count({ where: { action: "letter.download", target: `letter:${letter.id}` } });
    const auditedBefore = await audited();

    const refused = async (claims: SessionClaims | null, id = letter.id) =>
      expect((await letterResponse(handle.db, claims, id)).status).toBe(404);
    await refused(null);
    await refused(claimsOf("admin")); // no case role
    await refused(claimsOf("kadis"), "00000000-0000-7000-8000-000000000000");
    await refused({ ...claimsOf("kadis"), sv: users.kadis!.sessionVersion + 1 }); // signed out everywhere
    await refused({ ...claimsOf("kadis"), enrol: true }); // still enrolling a second factor
    await refused({ uid: "00000000-0000-7000-8000-000000000000", sv: 0 });
    // The session's record decides: past its end, or once signed out, a copy of the token is dead.
    const signedIn = await signedInClaims(handle.db, users.kadis!);
    const fromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);
    expect((await letterResponse(handle.db, signedIn, letter.id, fromNow(SESSION_SECONDS - 60))).status).toBe(200);
    expect((await letterResponse(handle.db, signedIn, letter.id, fromNow(SESSION_SECONDS + 1))).status).toBe(404);
    await refused({ ...signedIn, sid: sessions.pengawas!.sid }); // another account's session
    await endStaffSession(handle.db, signedIn.sid);
    await refused(signedIn);
    // A document of no case (a closed agenda-book snapshot) is not a case letter.
    const caseless = await handle.db.letter.create({
      data: {
        type: LetterType.AGENDA_PERMOHONAN,
        year: 2026,
        content: Buffer.from("x"),
        size: 1,
        sha256: sha256(Buffer.from("x")),
        verificationCode: randomToken(),
      },
    });
    await refused(claimsOf("pengawas"), caseless.id);
    await handle.db.letter.delete({ where: { id: caseless.id } });
    // An account switched off, or one that must first replace an Admin-given password.
    for (const change of [{ active: false }, { mustChangePassword: true }]) {
      await handle.db.staffUser.update({ where: { id: users.telaah!.id }, data: change });
      await refused(claimsOf("telaah"));
      await handle.db.staffUser.update({
        where: { id: users.telaah!.id },
        data: { active: true, mustChangePassword: false },
      });
    }
    // A Kepala Dinas never sees a case that involves the leadership; the Pengawas does.
    await handle.db.case.update({ where: { id: mine.caseId }, data: { involvesLeadership: true } });
    await refused(claimsOf("kadis"));
    expect((await letterResponse(handle.db, claimsOf("pengawas"), letter.id)).status).toBe(200);
    await handle.db.case.update({ where: { id: mine.caseId }, data: { involvesLeadership: false } });
    // Excluded from the case: as if it did not exist.
    await as("telaah").cases.exclude({ caseId: mine.caseId, userId: users.audit!.id, reason: "Disebut dalam laporan" });
    await refused(claimsOf("audit"));
    expect(await audited()).toBe(auditedBefore + 2); // the in-time download and the Pengawas's only
  });

  it("lets the reporter download their own Tanggapan and no other letter; another reporter gets not found", async () => {
    const letters = await handle.db.letter.findMany({ where: { caseId: mine.caseId } });
    const tanggapan = letters.find((l) => l.type === LetterType.TANGGAPAN)!;
    const view = await reporterCaseView(handle.db, env().secrets.masterKey, mine.caseId);
    expect(view?.responseLetter).toEqual({ id: tanggapan.id, number: tanggapan.number });

    const own = await reporterLetterResponse(handle.db, env().secrets.masterKey, mine.token, tanggapan.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment; filename="tanggapan-pengaduan-wbs-/);
    expect(own.headers.get("Cache-Control")).toBe("no-store");
    const pdf = Buffer.from(await own.arrayBuffer());
    expect(sha256(pdf).equals(Buffer.from(tanggapan.sha256!))).toBe(true);
    expect(squash(await pdfText(pdf))).toContain("Pungutan terbukti dan telah dikembalikan kepada Saudara.");
    expect(
      await handle.db.auditEntry.count({
        where: { action: "letter.download", actorLabel: "reporter", target: `letter:${tanggapan.id}` },
      }),
    ).toBe(1);

    for (const l of letters.filter((x) => x.type !== LetterType.TANGGAPAN)) {
      expect((await reporterLetterResponse(handle.db, env().secrets.masterKey, mine.token, l.id)).status).toBe(404);
    }
    const stranger = await reporterLetterResponse(handle.db, env().secrets.masterKey, other.token, tanggapan.id);
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).toBe("Tidak ditemukan.");
    expect((await reporterLetterResponse(handle.db, env().secrets.masterKey, undefined, tanggapan.id)).status).toBe(
      404,
    );
    expect((await reporterCaseView(handle.db, env().secrets.masterKey, other.caseId))?.responseLetter).toBeNull();
  });

  it("corrects a letter with a new one that names it, drawn from the case as it is now; the old bytes stay as issued", async () => {
    const old = await handle.db.letter.findFirstOrThrow({ where: { caseId: mine.caseId, type: LetterType.TANGGAPAN } });
    const kadis = await handle.db.staffUser.findUniqueOrThrow({
      where: { id: users.kadis!.id },
      select: { nip: true },
    });
    const fixedNip = "197904022005021099";
    await handle.db.staffUser.update({ where: { id: users.kadis!.id }, data: { nip: fixedNip } });
    try {
      // Only the role of the step corrects, and with a reason.
      await expect(
        as("sekretariat").cases.correctLetter({ letterId: old.id, reason: "NIP penanda tangan salah" }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(as("kadis").cases.correctLetter({ letterId: old.id, reason: " " })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      const fixed = await as("kadis").cases.correctLetter({ letterId: old.id, reason: "NIP penanda tangan salah" });

      const key = await caseKeyOf(handle.db, mine.caseId);
      const row = await handle.db.letter.findUniqueOrThrow({ where: { id: fixed.id } });
      expect(row.replacesId).toBe(old.id);
      expect(row.number).not.toBe(old.number);
      const text = squash(await pdfText(open(key, row.content!)));
      expect(text).toContain(`menggantikan surat Nomor ${old.number}`);
      expect(text).toContain(`NIP. ${fixedNip}`);
      expect(text).toContain("Pungutan terbukti dan telah dikembalikan kepada Saudara.");
      const unchanged = await handle.db.letter.findUniqueOrThrow({ where: { id: old.id } });
      expect(Buffer.from(unchanged.content!).equals(Buffer.from(old.content!))).toBe(true);
      const event = await handle.db.timelineEvent.findFirstOrThrow({
        where: { caseId: mine.caseId, kind: "LETTER_REPLACED" },
      });
      expect(openText(key, event.note!)).toBe("NIP penanda tangan salah");
      expect(
        (
          await handle.db.documentDraft.findUniqueOrThrow({
            where: { caseId_type: { caseId: mine.caseId, type: LetterType.TANGGAPAN } },
          })
        ).letterId,
      ).toBe(fixed.id);

      // The reporter now gets the correction, and only it.
      expect((await reporterLetterResponse(handle.db, env().secrets.masterKey, mine.token, fixed.id)).status).toBe(200);
      expect((await reporterLetterResponse(handle.db, env().secrets.masterKey, mine.token, old.id)).status).toBe(404);
      await expect(as("kadis").cases.correctLetter({ letterId: old.id, reason: "Sekali lagi" })).rejects.toMatchObject({
        code: "CONFLICT",
        message: "letter.alreadyReplaced",
      });
      await expect(
        as("audit").cases.correctLetter({ letterId: fixed.id, reason: "Bukan perannya" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      // Two corrections of the same letter at once: one is issued, the other is told it came too late.
      const both = await Promise.allSettled(
        [1, 2].map(() => as("kadis").cases.correctLetter({ letterId: fixed.id, reason: "Perbaikan bersamaan" })),
      );
      expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(both.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason).toMatchObject({
        code: "CONFLICT",
      });
    } finally {
      await handle.db.staffUser.update({ where: { id: users.kadis!.id }, data: { nip: kadis.nip } });
    }
  });
});

describe("the case dossier", () => {
  it("is issued at archiving with the step times, every letter (pages appended as stored) and the attachments' hashes", async () => {
    const c = await portalCase();
    await throughStepSix(c.caseId);
    const key = await caseKeyOf(handle.db, c.caseId);
    const evidence = Buffer.from("bukti kuitansi pungutan\n");
    await handle.db.attachment.create({
      data: {
        caseId: c.caseId,
        authorKind: "REPORTER",
        content: seal(key, evidence),
        fileName: seal(key, "kuitansi.txt"),
        declaredMimeType: "text/plain",
        mimeType: "text/plain",
        detectedKind: "TEXT",
        size: evidence.length,
        sha256: sha256(evidence),
        strippedMetadata: false,
      },
    });
    await acknowledgeResponse(handle.db, { sessionId: "s", caseId: c.caseId });
    await as("sekretariat").cases.archive({ caseId: c.caseId });

    const letters = await handle.db.letter.findMany({ where: { caseId: c.caseId }, orderBy: { issuedAt: "asc" } });
    const dossier = letters.find((l) => l.type === LetterType.DOSSIER)!;
    expect([dossier.number, dossier.sequence]).toEqual([null, null]);
    const pdf = open(key, dossier.content!);
    expect(sha256(pdf).equals(Buffer.from(dossier.sha256!))).toBe(true);
    await qpdfCheck(pdf);
    expect((await pdfFonts(pdf)).filter((f) => !f.embedded)).toEqual([]);
    const text = squash(await pdfText(pdf));
    expect(text).toContain("DOKUMEN PENGELOLAAN WBS");
    expect(text).toContain(c.reference);
    expect(text).toContain(sha256(evidence).toString("hex"));
    expect(text).toContain("kuitansi.txt");
    expect(text).toMatch(/2\. Pencatatan .* (sesuai|melebihi)/);
    for (const l of letters.filter((x) => x.type !== LetterType.DOSSIER)) {
      expect(text).toContain(Buffer.from(l.sha256!).toString("hex"));
      // The letter itself follows, as issued: its verification code is on its own pages.
      expect(text).toContain(l.verificationCode);
    }
    expect((await verifyLetter(handle.db, dossier.verificationCode))?.title).toBe("Dokumen Pengelolaan WBS");

    // On demand for staff who may see the case (a working copy), audited; nobody else.
    const onDemand = await dossierResponse(handle.db, users.pengawas!, c.caseId);
    expect(onDemand.status).toBe(200);
    expect(onDemand.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="dokumen-pengelolaan-wbs-WBS-\d{4}-\d+\.pdf"$/,
    );
    expect(squash(await pdfText(Buffer.from(await onDemand.arrayBuffer())))).toContain("Salinan kerja");
    expect(await handle.db.auditEntry.count({ where: { action: "dossier.download", caseId: c.caseId } })).toBe(1);
    expect((await dossierResponse(handle.db, users.admin!, c.caseId)).status).toBe(404);
    expect((await dossierResponse(handle.db, null, c.caseId)).status).toBe(404);
  });
});

describe("numbering under concurrency", () => {
  it("gives 50 letters of one type issued at once 50 distinct consecutive numbers", async () => {
    const { caseId } = await portalCase();
    const now = new Date("2027-03-15T03:00:00Z");
    const issued = await Promise.all(
      Array.from({ length: 50 }, () =>
        issueSystemLetter(handle.db, caseId, {
          content: SAMPLE_CONTENT.BERITA_ACARA,
          now,
          transaction: { maxWait: 120_000, timeout: 120_000 },
        }),
      ),
    );
    expect(issued.map((l) => l.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(issued.map((l) => l.number)).size).toBe(50);
    expect(new Set(issued.map((l) => l.verificationCode)).size).toBe(50);
    expect(await handle.db.letter.count({ where: { type: LetterType.BERITA_ACARA, year: 2027 } })).toBe(50);
    // Each PDF prints its own number.
    const one = issued.find((l) => l.sequence === 37)!;
    expect(squash(await pdfText(await renderedPdf(handle.db, env().secrets.masterKey, one.id)))).toContain(
      "503/37/BA-WBS/DPMPTSP/2027",
    );
  });
});

describe("the letterhead", () => {
  it("carries the emblem Admin uploaded (OfficeAsset emblem) on letters issued after the upload", async () => {
    const { caseId } = await portalCase();
    const png = await sharp({ create: { width: 120, height: 140, channels: 3, background: { r: 180, g: 20, b: 20 } } })
      .png()
      .toBuffer();
    const issue = () => issueSystemLetter(handle.db, caseId);
    expect(await pdfImageCount(await renderedPdf(handle.db, env().secrets.masterKey, (await issue()).id))).toBe(0);
    await handle.db.officeAsset.create({
      data: {
        key: "emblem",
        content: png,
        mimeType: "image/png",
        size: png.length,
        sha256: sha256(png),
        width: 120,
        height: 140,
      },
    });
    try {
      expect(await pdfImageCount(await renderedPdf(handle.db, env().secrets.masterKey, (await issue()).id))).toBe(1);
    } finally {
      await handle.db.officeAsset.delete({ where: { key: "emblem" } });
    }
  });
});
