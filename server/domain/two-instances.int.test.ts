/**
 * Two application instances on one database, many people at once: every report and every
 * recording must succeed with unique, gapless numbers, because no transaction holds a lock
 * while it renders a PDF or encrypts a photo. On PostgreSQL the two instances are two Prisma
 * clients with their own connection pools; on PGlite (one process) they share the one client.
 * Also: a letter is invisible until its bytes are stored, and a letter whose process died
 * between the commit and the rendering is rendered later, byte for byte as it would have been.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db.ts";
import { env } from "../env.ts";
import type { StaffPrincipal } from "../auth/staff-session.ts";
import { LetterType } from "../generated/prisma/enums.ts";
import { pdfText } from "../pdf/pdf-tools.ts";
import { renderLetter } from "../pdf/render.tsx";
import { staffContextOf } from "../http/staff/staff-context.ts";
import { seedDemoStaff } from "../testing/demo-staff.ts";
import { sampleReport, submitSampleCase } from "../testing/sample-case.ts";
import { APP_ROOT, openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { recordCase } from "./cases/workflow.ts";
import { open, randomToken, sha256 } from "./crypto.ts";
import { caseKeyOf, issueSystemLetter } from "../testing/case-letters.ts";
import { caseLetterList, verifyLetter } from "./letters/read.ts";
import { ensureRendered, renderedPdf, renderers, renderPendingLetters } from "./letters/render-pending.ts";
import { decodeSource } from "./letters/render-source.ts";
import { submitPortalReport } from "./reporter/submit-report.ts";
import { getSetting } from "./settings.ts";
import { sanitizeUpload, type SanitizedFile } from "./uploads/sanitize.ts";

let handle: TestDbHandle;
let second: { db: Db; close(): Promise<void> } | null = null;
let instances: [Db, Db];
let users: Record<string, StaffPrincipal>;
const masterKey = () => env().secrets.masterKey;

beforeAll(async () => {
  handle = await openTestDb();
  // The second "instance": its own client and connection pool on the same PostgreSQL database.
  if (handle.url) second = await openDb({ kind: "postgres", url: handle.url }, { root: APP_ROOT });
  instances = [handle.db, second?.db ?? handle.db];
  users = await seedDemoStaff(handle.db);
});
afterAll(async () => {
  await second?.close();
  await handle?.close();
});

const sequences = (rows: { sequence: number | null }[]) => rows.map((r) => r.sequence!).sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** The calls that failed, each as the first lines of its stack: an empty list when all succeeded. */
const failures = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r) => r.status === "rejected")
    .map((r) =>
      String((r.reason as Error).stack ?? r.reason)
        .split("\n")
        .slice(0, 6)
        .join(" | "),
    );

/** A camera-sized JPEG (noise does not compress: about a megabyte), sanitised as the portal does before saving. */
async function photo(): Promise<SanitizedFile> {
  const jpeg = await sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 50 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  const limits = await getSetting(handle.db, "uploads.limits");
  const result = await sanitizeUpload(
    { bytes: jpeg, fileName: "bukti.jpg" },
    { maxBytes: limits.maxFileBytes, allowedMimes: limits.allowedTypes },
  );
  if (!result.ok) throw new Error(`the test photo was refused: ${result.reason}`);
  return result.file;
}

describe("two instances, twenty people at once", () => {
  it("takes 20 portal reports with a ~1 MB photo each: 20 receipts, references numbered 1..20", async () => {
    const file = await photo();
    expect(file.bytes.length).toBeGreaterThan(800_000);
    const year = new Date().getUTCFullYear() + 3; // a year no other test numbers in
    const now = new Date(`${year}-06-02T03:00:00Z`);
    const receipts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        submitPortalReport(
          instances[i % 2]!,
          env().secrets,
          { report: sampleReport(), files: [file], idempotencyKey: randomToken() },
          now,
        ),
      ),
    );
    expect(failures(receipts)).toEqual([]);
    const cases = await handle.db.case.findMany({
      where: { year },
      select: { sequence: true, attachments: { select: { size: true, sha256: true } } },
    });
    expect(sequences(cases)).toEqual(oneTo(20));
    for (const c of cases)
      expect(c.attachments.map((a) => [a.size, Buffer.from(a.sha256).toString("hex")])).toEqual([
        [file.bytes.length, sha256(file.bytes).toString("hex")],
      ]);
  }, 60_000);

  it("records 20 cases at once (step 2, which issues the Catatan Pengaduan): agenda and letter numbers 1..20, every letter rendered", async () => {
    const year = new Date().getUTCFullYear() + 4;
    const now = new Date(`${year}-06-02T03:00:00Z`);
    const ids = (await Promise.all(Array.from({ length: 20 }, (_, i) => submitSampleCase(instances[i % 2]!)))).map(
      (c) => c.caseId,
    );
    const results = await Promise.allSettled(
      ids.map((caseId, i) =>
        recordCase(instances[i % 2]!, staffContextOf(users.sekretariat!, now), { caseId, subject: `Laporan ${i + 1}` }),
      ),
    );
    expect(failures(results)).toEqual([]);
    const agenda = await handle.db.agendaEntry.findMany({
      where: { year, book: "PERMOHONAN" },
      select: { number: true, letterId: true },
    });
    expect(agenda.map((a) => a.number).sort((a, b) => a - b)).toEqual(oneTo(20));
    const letters = await handle.db.letter.findMany({
      where: { type: LetterType.CATATAN_PENGADUAN, year },
      select: { id: true, sequence: true, renderedAt: true, content: true },
    });
    expect(sequences(letters)).toEqual(oneTo(20));
    expect(letters.filter((l) => !l.renderedAt || !l.content)).toEqual([]);
    expect(new Set(agenda.map((a) => a.letterId))).toEqual(new Set(letters.map((l) => l.id)));
    // Twenty PDFs rendered in this one process (two real instances would share the work).
  }, 120_000);
});

describe("a letter before its bytes", () => {
  it("is in no list and fails verification until rendered; then it is there, with its bytes", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    const letter = await issueSystemLetter(handle.db, caseId);
    const row = await handle.db.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect([row.renderedAt, row.content, row.sha256, row.size]).toEqual([null, null, null, null]);
    expect(await caseLetterList(handle.db, caseId)).toEqual([]);
    expect(await verifyLetter(handle.db, letter.verificationCode)).toBeNull();

    await ensureRendered(handle.db, masterKey(), letter.id);
    expect((await caseLetterList(handle.db, caseId)).map((l) => l.id)).toEqual([letter.id]);
    expect((await verifyLetter(handle.db, letter.verificationCode))?.number).toBe(letter.number);
    expect(squash(await pdfText(await renderedPdf(handle.db, masterKey(), letter.id)))).toContain(letter.number);
  }, 60_000);
});

const squash = (s: string) => s.replace(/\s+/g, " ");

const SUBJECT = "Diproses setelah gangguan";

describe("a crash between the commit and the rendering", () => {
  it("leaves the letter numbered but unserved; the sweep renders it from the stored input, the same bytes", async () => {
    const { caseId } = await submitSampleCase(handle.db);
    const real = renderers.letter;
    let failures = 0;
    renderers.letter = (input) => {
      if (input.content.type !== "CATATAN_PENGADUAN" || input.content.subject !== SUBJECT) return real(input);
      failures++;
      renderers.letter = real; // fails once, as a process that died would
      return Promise.reject(new Error("process died while rendering"));
    };
    try {
      // The staff action still succeeds: its transaction committed.
      const { agendaNumber } = await recordCase(handle.db, staffContextOf(users.sekretariat!), {
        caseId,
        subject: SUBJECT,
      });
      expect(agendaNumber).toBeGreaterThan(0);
    } finally {
      renderers.letter = real;
    }
    expect(failures).toBe(1);
    const pending = await handle.db.letter.findFirstOrThrow({ where: { caseId, type: LetterType.CATATAN_PENGADUAN } });
    expect(pending.renderedAt).toBeNull();
    expect(await caseLetterList(handle.db, caseId)).toEqual([]);
    expect((await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("RECORDED");

    // What the issuing request would have rendered: the stored input, rendered now.
    const key = await caseKeyOf(handle.db, caseId);
    const source = decodeSource(open(key, pending.source!));
    if (source.kind !== "letter") throw new Error("expected a letter source");
    const expected = await renderLetter(source.input);

    expect(await renderPendingLetters(handle.db, masterKey(), { minAgeMs: 0 })).toBeGreaterThanOrEqual(1);
    const stored = await renderedPdf(handle.db, masterKey(), pending.id);
    expect(sha256(stored).toString("hex")).toBe(sha256(expected).toString("hex"));
    const text = squash(await pdfText(stored));
    expect(text).toContain(pending.number!);
    expect(text).toContain(SUBJECT);
    expect((await caseLetterList(handle.db, caseId)).map((l) => l.id)).toEqual([pending.id]);
  }, 60_000);
});
