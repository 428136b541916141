/**
 * The reporter's side of the SOP against a real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): submission, encryption at rest, tracking sign-in and its
 * brake, messages, and acknowledging the response.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import exifr from "exifr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { seedDemo } from "../../../prisma/seed-data.ts";
import { CaseStatus, LetterType, Role } from "../../generated/prisma/enums.ts";
import { auditHash, GENESIS_HASH } from "../audit.ts";
import { transitionCase } from "../cases/transition.ts";
import { open, randomToken, sealJson, sealText, unwrapDataKey } from "../crypto.ts";
import { settingDefaults } from "../settings-defaults.ts";
import { sanitizeUpload } from "../uploads/sanitize.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import { reportSchema } from "../cases/report-content.ts";
import { acknowledgeResponse, sendReporterMessage } from "./case-actions.ts";
import { reporterCaseView } from "./case-view.ts";
import { openReporterSession, resumeReporterSession, closeReporterSession, IDLE_MS } from "./session.ts";
import { submitPortalReport } from "./submit-report.ts";
import { trackSignIn } from "./track-sign-in.ts";
import { ClientFailureWindow, GLOBAL_LIMIT, PER_CLIENT_LIMIT, WINDOW_MS } from "./tracking-limiter.ts";

const secrets = { masterKey: randomBytes(32), trackingKey: randomBytes(32) };
const SECRET_TEXT = "Kepala Bidang Perizinan meminta uang pelicin Rp 5.000.000 untuk IMB gudang";
const PERSON = "Bapak Suparjo Wiranata";
const PLACE = "Loket 3 Mal Pelayanan Publik Nanga Bulik";
const IDENTITY = "Siti Rahmawati 0812-5555-1234";
const FILE_TEXT = "kuitansi tanpa nomor senilai lima juta";

const report = () =>
  reportSchema.parse({
    category: "ILLEGAL_LEVY",
    content: {
      what: SECRET_TEXT,
      persons: [{ name: PERSON, position: "Kepala Bidang" }],
      where: PLACE,
      when: "Maret 2026",
      how: "Diminta tunai di loket",
      evidence: "Kuitansi",
      witnesses: "",
    },
    identityMode: "CONFIDENTIAL",
    identity: { name: IDENTITY, contact: "0812-5555-1234" },
    involvesLeadership: false,
  });
const textFile: SanitizedFile = {
  bytes: Buffer.from(FILE_TEXT),
  mime: "text/plain",
  kind: "TEXT",
  fileName: "catatan.txt",
  strippedMetadata: false,
  warning: false,
};

let handle: TestDbHandle;
let staff: Record<string, { id: string; username: string }>;

beforeAll(async () => {
  handle = await openTestDb();
  await seedDemo(handle.db, { log: () => {}, password: () => "uji-Kata-Sandi-2026" });
  const users = await handle.db.staffUser.findMany({ select: { id: true, username: true } });
  staff = Object.fromEntries(users.map((u) => [u.username, u]));
});
afterAll(() => handle?.close());

/** Every value of every row of the tables that hold case data, as bytes. */
async function rawDump(): Promise<Buffer> {
  const tables = [
    "cases",
    "attachments",
    "messages",
    "timeline_events",
    "step_records",
    "audit_entries",
    "idempotency_keys",
    "reporter_sessions",
    "sequences",
  ];
  const parts: Buffer[] = [];
  for (const table of tables) {
    const rows = await handle.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM ${table}`);
    for (const row of rows)
      for (const v of Object.values(row))
        parts.push(
          v instanceof Uint8Array
            ? Buffer.from(v)
            : Buffer.from(String(typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : v)),
        );
  }
  return Buffer.concat(parts);
}

async function caseByReference(reference: string) {
  return handle.db.case.findUniqueOrThrow({ where: { reference } });
}

describe("portal report", () => {
  it("stores nothing the reporter wrote or sent in plain text, and returns a receipt", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [textFile],
      idempotencyKey: randomToken(),
    });
    expect(receipt.reference).toMatch(/^WBS-\d{4}-\d{4}$/);
    expect(receipt.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const dump = await rawDump();
    for (const secret of [
      SECRET_TEXT,
      PERSON,
      PLACE,
      IDENTITY,
      FILE_TEXT,
      "catatan.txt",
      receipt.trackingCode,
      receipt.trackingCode.replace(/-/g, ""),
    ]) {
      expect(dump.includes(Buffer.from(secret)), secret).toBe(false);
    }
    // …yet the case team can read it with the master key.
    const row = await caseByReference(receipt.reference);
    expect(row.status).toBe(CaseStatus.SUBMITTED);
    const key = unwrapDataKey(secrets.masterKey, row.wrappedKey);
    expect(key).toHaveLength(32);
  });

  it("creates one case for a double submit, also when both arrive at once", async () => {
    const before = await handle.db.case.count();
    const idempotencyKey = randomToken();
    const first = await submitPortalReport(handle.db, secrets, { report: report(), files: [], idempotencyKey });
    const again = await submitPortalReport(handle.db, secrets, { report: report(), files: [], idempotencyKey });
    expect(again).toEqual(first);
    const racing = randomToken();
    const [a, b] = await Promise.all(
      [0, 1].map(() => submitPortalReport(handle.db, secrets, { report: report(), files: [], idempotencyKey: racing })),
    );
    expect(a).toEqual(b);
    expect(await handle.db.case.count()).toBe(before + 2);
  });

  it("rolls everything back when the submission fails half-way", async () => {
    const before = await handle.db.case.count();
    const badFile = { ...textFile, kind: "NOT_A_KIND" } as unknown as SanitizedFile;
    await expect(
      submitPortalReport(handle.db, secrets, { report: report(), files: [badFile], idempotencyKey: randomToken() }),
    ).rejects.toThrow();
    expect(await handle.db.case.count()).toBe(before);
    expect(await handle.db.idempotencyKey.count({ where: { caseId: null } })).toBe(0);
  });
});

describe("tracking sign-in", () => {
  it("opens a session with the code in any spelling, and ends it after 15 idle minutes or on sign-out", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [],
      idempotencyKey: randomToken(),
    });
    const sloppy = ` ${receipt.trackingCode.toLowerCase().replace(/-/g, " ")} `;
    const now = new Date();
    const opened = await openReporterSession(handle.db, secrets.trackingKey, sloppy, now);
    if (!opened.ok) throw new Error("expected a session");
    const who = await resumeReporterSession(handle.db, opened.token, new Date(now.getTime() + IDLE_MS - 1000));
    expect(who?.caseId).toBe((await caseByReference(receipt.reference)).id);
    // Activity restarted the idle timer; 15 quiet minutes after it the session is gone.
    expect(
      await resumeReporterSession(handle.db, opened.token, new Date(now.getTime() + 2 * IDLE_MS - 2000)),
    ).not.toBeNull();
    expect(await resumeReporterSession(handle.db, opened.token, new Date(now.getTime() + 4 * IDLE_MS))).toBeNull();

    const second = await openReporterSession(handle.db, secrets.trackingKey, receipt.trackingCode, now);
    if (!second.ok) throw new Error("expected a session");
    await closeReporterSession(handle.db, second.token);
    expect(await resumeReporterSession(handle.db, second.token, now)).toBeNull();
    expect(await openReporterSession(handle.db, secrets.trackingKey, "ABCD-EFGH", now)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("answers the 11th wrong code in a minute 'rate_limited', but never refuses a right one", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [],
      idempotencyKey: randomToken(),
    });
    const limiter = new ClientFailureWindow();
    const deps = { trackingKey: secrets.trackingKey, limiter };
    const start = new Date("2026-11-27T03:00:00Z");
    for (let i = 0; i < PER_CLIENT_LIMIT; i++) {
      const wrong = await trackSignIn(
        handle.db,
        deps,
        "203.0.113.7",
        "0000-0000-0000-000" + (i % 10),
        new Date(start.getTime() + i * 1000),
      );
      expect(wrong).toEqual({ ok: false, reason: "unknown" });
    }
    const eleventh = new Date(start.getTime() + 15_000);
    expect(await trackSignIn(handle.db, deps, "203.0.113.7", "0000-0000-0000-0000", eleventh)).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // The reporter behind the same address (a shared office or mobile network) still gets in.
    expect((await trackSignIn(handle.db, deps, "203.0.113.7", receipt.trackingCode, eleventh)).ok).toBe(true);
    const later = new Date(start.getTime() + 9 * 1000 + WINDOW_MS + 1);
    expect(await trackSignIn(handle.db, deps, "203.0.113.7", "0000-0000-0000-0000", later)).toEqual({
      ok: false,
      reason: "unknown",
    });
    // No client address reaches the database.
    expect((await rawDump()).includes(Buffer.from("203.0.113.7"))).toBe(false);
  });

  it("lets a right code in every time while a flood of wrong codes from ever new addresses trips the global limit", async () => {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [],
      idempotencyKey: randomToken(),
    });
    const deps = { trackingKey: secrets.trackingKey, limiter: new ClientFailureWindow() };
    const now = new Date("2026-11-28T03:00:00Z");
    const wrongCode = (n: number) => `ZZZZ-ZZZZ-ZZZZ-${String(n).padStart(4, "0")}`;
    const batch = 50;
    let limited = 0;
    for (let sent = 0; sent < GLOBAL_LIMIT + 2 * batch; sent += batch) {
      const flood = await Promise.all(
        Array.from({ length: batch }, (_, i) =>
          trackSignIn(handle.db, deps, `198.18.${(sent + i) >> 8}.${(sent + i) & 255}`, wrongCode(sent + i), now),
        ),
      );
      limited += flood.filter((r) => !r.ok && r.reason === "rate_limited").length;
      expect((await trackSignIn(handle.db, deps, `192.0.2.${sent / batch}`, receipt.trackingCode, now)).ok).toBe(true);
    }
    // The flood did trip the global limit, and the reporter got in throughout.
    expect(limited).toBeGreaterThan(0);
  }, 300_000);
});

describe("the reporter's case page and actions", () => {
  async function openCase() {
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [],
      idempotencyKey: randomToken(),
    });
    const row = await caseByReference(receipt.reference);
    return { receipt, id: row.id, who: { sessionId: "test", caseId: row.id } };
  }
  const as = (username: string, actor: Role) => ({ actor, staffId: staff[username]!.id, label: username });
  const move = (caseId: string, from: CaseStatus, to: CaseStatus, by: ReturnType<typeof as>, reason?: string) =>
    handle.db.$transaction(async (tx) => {
      const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { wrappedKey: true } });
      const key = unwrapDataKey(secrets.masterKey, row.wrappedKey);
      await transitionCase(tx, {
        caseId,
        from,
        to,
        by,
        now: new Date(),
        reason: reason ? sealText(key, reason) : undefined,
      });
    });

  it("shows the steps, keeps messages encrypted, and a reply to a question resumes the case", async () => {
    const { id, who } = await openCase();
    await move(id, CaseStatus.SUBMITTED, CaseStatus.RECORDED, as("sekretariat", Role.SEKRETARIAT));
    await move(
      id,
      CaseStatus.RECORDED,
      CaseStatus.AWAITING_INFO,
      as("telaah", Role.TIM_TELAAH),
      "Mohon sebutkan tanggal pasti.",
    );

    const reply = "Tanggal 12 Maret 2026 sekitar pukul 10 pagi";
    const key = randomToken();
    await sendReporterMessage(handle.db, secrets.masterKey, who, {
      body: reply,
      files: [textFile],
      idempotencyKey: key,
    });
    await sendReporterMessage(handle.db, secrets.masterKey, who, {
      body: reply,
      files: [textFile],
      idempotencyKey: key,
    });

    const view = await reporterCaseView(handle.db, secrets.masterKey, id);
    expect(view?.status).toBe(CaseStatus.RECORDED);
    expect(view?.messages.map((m) => [m.fromOffice, m.body])).toEqual([[false, reply]]);
    expect(view?.messages[0]?.files.map((f) => f.name)).toEqual(["catatan.txt"]);
    expect(view?.steps.filter((s) => s.doneAt).map((s) => s.step)).toEqual([1, 2]);
    expect(view?.events.map((e) => e.status)).toEqual([CaseStatus.AWAITING_INFO]);
    expect((await rawDump()).includes(Buffer.from(reply))).toBe(false);
  });

  it("shows the written response once sent and records step 7 when the reporter acknowledges it", async () => {
    const { id, who } = await openCase();
    await expect(acknowledgeResponse(handle.db, who)).rejects.toThrow(/no response/);
    const path: [CaseStatus, CaseStatus, ReturnType<typeof as>][] = [
      [CaseStatus.SUBMITTED, CaseStatus.RECORDED, as("sekretariat", Role.SEKRETARIAT)],
      [CaseStatus.RECORDED, CaseStatus.REVIEWED, as("telaah", Role.TIM_TELAAH)],
      [CaseStatus.REVIEWED, CaseStatus.IN_MEETING, as("kadis", Role.KEPALA_DINAS)],
      [CaseStatus.IN_MEETING, CaseStatus.MINUTED, as("kadis", Role.KEPALA_DINAS)],
    ];
    for (const [from, to, by] of path) await move(id, from, to, by);
    const row = await handle.db.case.findUniqueOrThrow({ where: { id } });
    const key = unwrapDataKey(secrets.masterKey, row.wrappedKey);
    await handle.db.documentDraft.create({
      data: {
        caseId: id,
        type: LetterType.TANGGAPAN,
        status: "APPROVED",
        content: sealJson(key, { body: "Laporan Anda telah ditindaklanjuti." }),
        draftedById: staff.audit!.id,
        sentAt: new Date(),
        sentById: staff.sekretariat!.id,
        deliveryMethod: "PORTAL",
      },
    });
    await move(id, CaseStatus.MINUTED, CaseStatus.RESPONDED, as("sekretariat", Role.SEKRETARIAT));

    const before = await reporterCaseView(handle.db, secrets.masterKey, id);
    expect(before?.response?.body).toBe("Laporan Anda telah ditindaklanjuti.");
    expect(before?.canAcknowledge).toBe(true);
    await acknowledgeResponse(handle.db, who);
    await acknowledgeResponse(handle.db, who); // pressed twice: no second transition
    const after = await reporterCaseView(handle.db, secrets.masterKey, id);
    expect(after?.status).toBe(CaseStatus.RESPONSE_RECEIVED);
    expect(after?.steps.filter((s) => s.doneAt).map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const step7 = await handle.db.stepRecord.findUniqueOrThrow({ where: { caseId_step: { caseId: id, step: 7 } } });
    expect(step7.completedAt).not.toBeNull();
    expect(await handle.db.stepRecord.count({ where: { caseId: id, step: 8, completedAt: null } })).toBe(1);
  });

  it("keeps the audit trail chained, with the reporter never identified", async () => {
    const entries = await handle.db.auditEntry.findMany({ orderBy: { id: "asc" } });
    expect(entries.length).toBeGreaterThan(5);
    let prev: Uint8Array = GENESIS_HASH;
    for (const e of entries) {
      expect(Buffer.from(e.prevHash).equals(Buffer.from(prev))).toBe(true);
      const recomputed = auditHash(e.prevHash, {
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        action: e.action,
        caseId: e.caseId,
        target: e.target,
        detail: e.detail as never,
        ipAddress: e.ipAddress,
        at: e.createdAt,
      });
      expect(Buffer.from(e.hash).equals(recomputed)).toBe(true);
      prev = e.hash;
      if (e.actorLabel === "reporter") expect([e.actorId, e.ipAddress]).toEqual([null, null]);
    }
  });
});

describe("evidence photos", () => {
  it("stores a GPS-tagged photo without any EXIF or GPS (parsed from the decrypted bytes)", async () => {
    const original = fs.readFileSync(new URL("../../../e2e/fixtures/foto-gps.jpg", import.meta.url));
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(-1.64, 2);
    const limits = settingDefaults["uploads.limits"];
    const cleaned = await sanitizeUpload(
      { bytes: original, fileName: "foto-gps.jpg" },
      { maxBytes: limits.maxFileBytes, allowedMimes: limits.allowedTypes },
    );
    if (!cleaned.ok) throw new Error(cleaned.reason);
    const receipt = await submitPortalReport(handle.db, secrets, {
      report: report(),
      files: [cleaned.file],
      idempotencyKey: randomToken(),
    });
    const row = await caseByReference(receipt.reference);
    const stored = await handle.db.attachment.findFirstOrThrow({ where: { caseId: row.id } });
    const bytes = open(unwrapDataKey(secrets.masterKey, row.wrappedKey), stored.content);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await exifr.parse(bytes, true).catch(() => undefined)).toBeUndefined();
    expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
    expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
    expect(Buffer.from(stored.sha256).equals(createHash("sha256").update(bytes).digest())).toBe(true);
  });
});
