/**
 * The Tanggapan is issued when the Sekretariat sends it, signed by the Kepala Dinas who
 * approved it, and names the reporter only when it goes by post to a confidential reporter;
 * a reporter without a tracking code is told to ask the office, not the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/staff-session.ts";
import { env } from "../../env.ts";
import { LetterType } from "../../generated/prisma/enums.ts";
import { pdfText } from "../../pdf/pdf-tools.ts";
import { appRouter } from "../../routers/_app.ts";
import { staffContextOf } from "../../http/staff/staff-context.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { sampleReport } from "../../testing/sample-case.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { intakeOfflineReport } from "../cases/intake.ts";
import { open, randomToken, unwrapDataKey } from "../crypto.ts";
import { approveTanggapan, forwardReview, meetAndMinute } from "../../testing/case-steps.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const createCaller = createCallerFactory(appRouter);
const as = (username: string) => createCaller({ db: handle.db, staff: async () => users[username]! });
const squash = (s: string) => s.replace(/\s+/g, " ");
const NAME = "Rahmat Hidayat";

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

/** A case entered at the office, by a confidential or an anonymous reporter, with or without a tracking code. */
async function officeCase(confidential: boolean, wantsTrackingCode: boolean) {
  const report = {
    ...sampleReport(),
    ...(confidential
      ? { identityMode: "CONFIDENTIAL" as const, identity: { name: NAME, contact: "0812-0000-1111" } }
      : {}),
  };
  const ctx = { ...staffContextOf(users.sekretariat!), trackingKey: env().secrets.trackingKey };
  const { id } = await intakeOfflineReport(handle.db, ctx, {
    idempotencyKey: randomToken(),
    channel: "IN_PERSON",
    receivedAt: new Date(),
    report,
    wantsTrackingCode,
  });
  return id;
}

/** Steps 2–6 up to an approved Tanggapan. */
async function approvedResponse(caseId: string) {
  await as("sekretariat").cases.record({ caseId });
  await as("telaah").cases.review(forwardReview(caseId));
  await meetAndMinute(as, users, caseId, { resolution: "Teguran" });
  await approveTanggapan(as, caseId, "Pegawai yang bersangkutan telah diberi teguran tertulis.");
}

async function tanggapanText(caseId: string) {
  const letter = await handle.db.letter.findFirstOrThrow({ where: { caseId, type: LetterType.TANGGAPAN } });
  const { wrappedKey } = await handle.db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { wrappedKey: true },
  });
  return {
    letter,
    text: squash(await pdfText(open(unwrapDataKey(env().secrets.masterKey, wrappedKey), letter.content!))),
  };
}

describe("Tanggapan Pengaduan WBS", () => {
  it("is issued on sending, not on approval, with the approving Kepala Dinas's signature; by post it names a confidential reporter", async () => {
    const caseId = await officeCase(true, true);
    await approvedResponse(caseId);
    expect(await handle.db.letter.count({ where: { caseId, type: LetterType.TANGGAPAN } })).toBe(0);

    await as("sekretariat").cases.sendResponse({ caseId, method: "POST" });
    const { letter, text } = await tanggapanText(caseId);
    expect(letter.signerId).toBe(users.kadis!.id);
    expect(letter.createdById).toBe(users.sekretariat!.id);
    expect(text).toContain(`Kepada Yth. Sdr. ${NAME} di tempat`);
    expect(text).not.toContain("Pelapor pengaduan WBS");
    expect(text).toContain(`NIP. ${letter.signerNip}`);
    const draft = await handle.db.documentDraft.findUniqueOrThrow({
      where: { caseId_type: { caseId, type: LetterType.TANGGAPAN } },
    });
    expect(draft.letterId).toBe(letter.id);
    const agenda = await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId, book: "TANGGAPAN" } });
    expect(agenda.letterNumber).toBe(letter.number);
  });

  it("never names the reporter otherwise: a confidential reporter on the portal, or an anonymous one by post", async () => {
    for (const [confidential, method] of [
      [true, "PORTAL"],
      [false, "POST"],
    ] as const) {
      const caseId = await officeCase(confidential, true);
      await approvedResponse(caseId);
      await as("sekretariat").cases.sendResponse({ caseId, method });
      const { text } = await tanggapanText(caseId);
      const { reference } = await handle.db.case.findUniqueOrThrow({
        where: { id: caseId },
        select: { reference: true },
      });
      expect(text).toContain(`Kepada Yth. Pelapor pengaduan WBS dengan nomor referensi ${reference} di tempat`);
      expect(text).not.toContain(NAME);
      expect(text).toContain("halaman lacak pengaduan dengan kode pelacakan Saudara");
    }
  });

  it("tells a reporter without a tracking code to ask the office; a refused send issues nothing", async () => {
    const caseId = await officeCase(false, false);
    await approvedResponse(caseId);
    await expect(as("sekretariat").cases.sendResponse({ caseId, method: "PORTAL" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "case.noTrackingCode",
    });
    expect(await handle.db.letter.count({ where: { caseId, type: LetterType.TANGGAPAN } })).toBe(0);

    await as("sekretariat").cases.sendResponse({ caseId, method: "IN_PERSON" });
    const { text } = await tanggapanText(caseId);
    expect(text).toContain("pada kop surat ini dengan menyebutkan nomor referensi");
    expect(text).not.toContain("kode pelacakan");
  });
});
