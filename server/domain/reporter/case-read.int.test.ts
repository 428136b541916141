/**
 * The reporter's database calls (SQL functions reporter_session_open, reporter_case_read and
 * reporter_page_read): what the sign-in writes, and what the case page reads and marks read.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { ActorKind } from "../../generated/prisma/enums.ts";
import { randomToken, seal, sealText, sha256, unwrapDataKey } from "../crypto.ts";
import { reportSchema } from "../cases/report-content.ts";
import { reporterCaseView, reporterPageView } from "./case-view.ts";
import { IDLE_MS, openReporterSession } from "./session.ts";
import { submitPortalReport } from "./submit-report.ts";

const secrets = { masterKey: randomBytes(32), trackingKey: randomBytes(32) };
const report = () =>
  reportSchema.parse({
    category: "ILLEGAL_LEVY",
    content: {
      what: "Petugas loket meminta uang di luar tarif resmi",
      persons: [{ name: "Andi", position: "Petugas loket" }],
      where: "Loket 3",
      when: "Senin pagi",
      how: "Tunai",
      evidence: "",
      witnesses: "",
    },
    identityMode: "ANONYMOUS",
    involvesLeadership: false,
  });

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

async function newCase() {
  const receipt = await submitPortalReport(handle.db, secrets, {
    report: report(),
    files: [],
    idempotencyKey: randomToken(),
  });
  const row = await handle.db.case.findUniqueOrThrow({
    where: { reference: receipt.reference },
    select: { id: true, wrappedKey: true },
  });
  return { code: receipt.trackingCode, id: row.id, key: unwrapDataKey(secrets.masterKey, row.wrappedKey) };
}

describe("tracking sign-in", () => {
  it("stores one session for a right code, sweeping ended ones, and writes nothing for a wrong one", async () => {
    const { code, id } = await newCase();
    const now = new Date();
    const ended = await openReporterSession(
      handle.db,
      secrets.trackingKey,
      code,
      new Date(now.getTime() - 2 * IDLE_MS),
    );
    if (!ended.ok) throw new Error("expected a session");

    const opened = await openReporterSession(handle.db, secrets.trackingKey, code, now);
    if (!opened.ok) throw new Error("expected a session");
    const sessions = await handle.db.reporterSession.findMany({ where: { caseId: id } });
    expect(sessions).toHaveLength(1);
    expect(Buffer.from(sessions[0]!.tokenHash).equals(sha256(opened.token))).toBe(true);
    expect(sessions[0]!.expiresAt.getTime()).toBe(now.getTime() + IDLE_MS);

    const before = await handle.db.reporterSession.count();
    const wrong = "ABCD-EFGH-JKMN-PQRS";
    expect(await openReporterSession(handle.db, secrets.trackingKey, wrong, now)).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await handle.db.reporterSession.count()).toBe(before);
  });
});

describe("the reporter's case page", () => {
  it("shows the thread in order with the office's files, and marks only the office's messages read", async () => {
    const { id, key } = await newCase();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 16, 3, 0, s));
    const office = await handle.db.message.create({
      data: {
        caseId: id,
        authorKind: ActorKind.SYSTEM,
        body: sealText(key, "Mohon kirim kuitansinya."),
        createdAt: at(1),
      },
    });
    const mine = await handle.db.message.create({
      data: { caseId: id, authorKind: ActorKind.REPORTER, body: sealText(key, "Terlampir."), createdAt: at(2) },
    });
    for (const [name, s] of [
      ["panduan.pdf", 3],
      ["formulir.pdf", 4],
    ] as const)
      await handle.db.attachment.create({
        data: {
          caseId: id,
          messageId: office.id,
          authorKind: ActorKind.SYSTEM,
          content: seal(key, "isi"),
          fileName: seal(key, name),
          declaredMimeType: "application/pdf",
          mimeType: "application/pdf",
          detectedKind: "PDF",
          size: 3,
          sha256: sha256(Buffer.from("isi")),
          strippedMetadata: false,
          createdAt: at(s),
        },
      });

    const now = new Date();
    const view = await reporterCaseView(handle.db, secrets.masterKey, id, now);
    expect(view?.messages.map((m) => [m.fromOffice, m.body, m.at.getTime()])).toEqual([
      [true, "Mohon kirim kuitansinya.", at(1).getTime()],
      [false, "Terlampir.", at(2).getTime()],
    ]);
    expect(view?.messages[0]?.files.map((f) => [f.name, f.size])).toEqual([
      ["panduan.pdf", 3],
      ["formulir.pdf", 3],
    ]);
    expect(view?.steps[0]?.doneAt).not.toBeNull();
    expect(view?.response).toBeNull();
    const read = await handle.db.message.findMany({ where: { caseId: id }, select: { id: true, readAt: true } });
    expect(read.find((m) => m.id === office.id)?.readAt?.getTime()).toBe(now.getTime());
    expect(read.find((m) => m.id === mine.id)?.readAt).toBeNull();

    expect(await reporterCaseView(handle.db, secrets.masterKey, "0190a5c8-0000-7000-8000-000000000000")).toBeNull();
  });
});

describe("the case page in one call with the session check", () => {
  it("shows the session's case and restarts its idle timer; nothing for an absent, ended or overlong token", async () => {
    const { code, id, key } = await newCase();
    await handle.db.message.create({
      data: { caseId: id, authorKind: ActorKind.SYSTEM, body: sealText(key, "Terima kasih.") },
    });
    const signedIn = new Date();
    const opened = await openReporterSession(handle.db, secrets.trackingKey, code, signedIn);
    if (!opened.ok) throw new Error("expected a session");

    const later = new Date(signedIn.getTime() + IDLE_MS - 1000);
    const view = await reporterPageView(handle.db, secrets.masterKey, opened.token, later);
    expect(view).toEqual(await reporterCaseView(handle.db, secrets.masterKey, id, later));
    expect(view?.messages.map((m) => m.body)).toEqual(["Terima kasih."]);
    const session = await handle.db.reporterSession.findUniqueOrThrow({ where: { tokenHash: sha256(opened.token) } });
    expect([session.lastSeenAt.getTime(), session.expiresAt.getTime()]).toEqual([
      later.getTime(),
      later.getTime() + IDLE_MS,
    ]);
    const read = await handle.db.message.findFirstOrThrow({ where: { caseId: id }, select: { readAt: true } });
    expect(read.readAt?.getTime()).toBe(later.getTime());

    // Ended: 15 quiet minutes after the last view; its timer is not restarted by the attempt.
    const ended = new Date(later.getTime() + IDLE_MS + 1);
    expect(await reporterPageView(handle.db, secrets.masterKey, opened.token, ended)).toBeNull();
    const after = await handle.db.reporterSession.findUniqueOrThrow({ where: { tokenHash: sha256(opened.token) } });
    expect(after.expiresAt.getTime()).toBe(later.getTime() + IDLE_MS);

    expect(await reporterPageView(handle.db, secrets.masterKey, undefined, later)).toBeNull();
    expect(await reporterPageView(handle.db, secrets.masterKey, randomToken(), later)).toBeNull();
    expect(await reporterPageView(handle.db, secrets.masterKey, opened.token + "x".repeat(100), later)).toBeNull();
  });
});
