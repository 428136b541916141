/**
 * The staff download routes' logic against a real database: case attachments (only for
 * staff who may see the case, always as a download) and the agenda books as CSV and PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaffPrincipal } from "../../auth/staff-session.ts";
import type { SanitizedFile } from "../../domain/uploads/sanitize.ts";
import { openTestDb, type TestDbHandle } from "../../testing/test-db.ts";
import { createCallerFactory } from "../../trpc/init.ts";
import { appRouter } from "../../routers/_app.ts";
import { attachmentResponse } from "./attachment-response.ts";
import { agendaCsvResponse } from "./agenda-csv-response.ts";
import { agendaPdfResponse } from "./agenda-pdf-response.ts";
import { pdfFonts, pdfPageSize, pdfText, qpdfCheck } from "../../pdf/pdf-tools.ts";
import { seedDemoStaff } from "../../testing/demo-staff.ts";
import { submitSampleCase } from "../../testing/sample-case.ts";
import { officeStamp } from "../../../lib/zoned-time.ts";

let handle: TestDbHandle;
let users: Record<string, StaffPrincipal> = {};
const createCaller = createCallerFactory(appRouter);
const as = (username: string) => createCaller({ db: handle.db, staff: async () => users[username]! });

const FILE_TEXT = "Kuitansi pembayaran Rp 5.000.000 untuk izin usaha";
const file: SanitizedFile = {
  bytes: Buffer.from(FILE_TEXT),
  mime: "text/plain",
  kind: "TEXT",
  fileName: "kuitansi (asli) — Ré.txt",
  strippedMetadata: false,
  warning: false,
};

async function caseWithFile(involvesLeadership = false) {
  const { caseId } = await submitSampleCase(handle.db, { involvesLeadership, files: [file] });
  const attachment = await handle.db.attachment.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  return { caseId, attachmentId: attachment.id };
}

const audits = (action: string) => handle.db.auditEntry.count({ where: { action } });

beforeAll(async () => {
  handle = await openTestDb();
  users = await seedDemoStaff(handle.db);
});
afterAll(() => handle?.close());

describe("attachment download", () => {
  it("sends the file as an attachment with a safe name, uncached and unsniffable, and audits it", async () => {
    const { attachmentId } = await caseWithFile();
    const before = await audits("attachment.download");
    const res = await attachmentResponse(handle.db, users.telaah!, attachmentId);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(FILE_TEXT);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="kuitansi_asli_Re.txt"; filename*=UTF-8''kuitansi%20%28asli%29%20%E2%80%94%20R%C3%A9.txt`,
    );
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(FILE_TEXT)));
    expect(await audits("attachment.download")).toBe(before + 1);
  });

  it("answers 404 to nobody, to Admin, to an excluded user, to a Kepala Dinas on a leadership case, and to unknown ids", async () => {
    const { caseId, attachmentId } = await caseWithFile();
    await as("telaah").cases.exclude({ caseId, userId: users.audit!.id, reason: "Disebut dalam laporan" });
    const leadership = await caseWithFile(true);
    const before = await audits("attachment.download");
    const refused = [
      await attachmentResponse(handle.db, null, attachmentId),
      await attachmentResponse(handle.db, users.admin!, attachmentId),
      await attachmentResponse(handle.db, users.audit!, attachmentId),
      await attachmentResponse(handle.db, users.kadis!, leadership.attachmentId),
      await attachmentResponse(handle.db, users.telaah!, "00000000-0000-4000-8000-000000000000"),
      await attachmentResponse(handle.db, users.telaah!, "../../etc/passwd"),
    ];
    for (const res of refused) {
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).not.toContain("Kuitansi");
    }
    expect(await audits("attachment.download")).toBe(before);
    // The Pengawas, and any unexcluded case role, still get the file.
    expect((await attachmentResponse(handle.db, users.pengawas!, leadership.attachmentId)).status).toBe(200);
    expect((await attachmentResponse(handle.db, users.kadis!, attachmentId)).status).toBe(200);
  });
});

describe("agenda CSV", () => {
  it("exports a book as RFC 4180 CSV with a BOM, escaping what needs it", async () => {
    const { caseId } = await caseWithFile();
    const { agendaNumber } = await as("sekretariat").cases.record({ caseId, subject: "Pungli" });
    await handle.db.agendaEntry.updateMany({
      where: { caseId },
      data: { letterNumber: '503/7/WBS/DPMPTSP/2026, "salinan"' },
    });
    const year = (await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId } })).year;
    const reference = (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).reference;

    const res = await agendaCsvResponse(handle.db, users.sekretariat!, { book: "PERMOHONAN", year });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="buku-agenda-permohonan-${year}.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe("No.,Tanggal,Nomor referensi,Jenis pelanggaran,Saluran,Nomor surat");
    const row = lines.find((l) => l.includes(reference))!;
    expect(row).toMatch(
      new RegExp(
        `^${agendaNumber},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},${reference},Suap,Portal,"503/7/WBS/DPMPTSP/2026, ""salinan"""$`,
      ),
    );
    expect(lines.at(-1)).toBe("");

    const en = await agendaCsvResponse(handle.db, users.sekretariat!, { book: "PERMOHONAN", year, locale: "en" });
    // Response.text() decodes UTF-8 and drops the BOM.
    expect((await en.text()).split("\r\n")[0]).toBe("No.,Date,Reference,Category,Channel,Letter number");
  });

  it("writes the entry's time in the office's time zone from the settings", async () => {
    const { caseId } = await caseWithFile();
    await as("sekretariat").cases.record({ caseId });
    const entry = await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId } });
    const reference = (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).reference;
    const stamp = async () => {
      const lines = (
        await (await agendaCsvResponse(handle.db, users.sekretariat!, { book: "PERMOHONAN", year: entry.year })).text()
      ).split("\r\n");
      return lines.find((l) => l.includes(reference))!.split(",")[1]!;
    };
    const wib = await stamp();
    expect(wib).toBe(officeStamp(entry.entryDate, "Asia/Jakarta"));
    const hours = (await as("admin").admin.settings.list())["office.hours"].value;
    await as("admin").admin.settings.update({ key: "office.hours", value: { ...hours, timeZone: "Asia/Makassar" } });
    try {
      // WITA is one hour ahead of WIB.
      expect(Date.parse(`${(await stamp()).replace(" ", "T")}Z`) - Date.parse(`${wib.replace(" ", "T")}Z`)).toBe(
        3_600_000,
      );
    } finally {
      await as("admin").admin.settings.update({ key: "office.hours", value: hours });
    }
  });

  it("writes every text cell so that no spreadsheet reads it as a formula", async () => {
    const previous = await as("admin").admin.settings.list();
    const pattern = '=HYPERLINK("http://x.test/?{seq}","Buka")';
    await as("admin").admin.settings.update({ key: "numbering.caseReference", value: pattern });
    try {
      const { caseId } = await caseWithFile();
      await as("sekretariat").cases.record({ caseId });
      await handle.db.agendaEntry.updateMany({ where: { caseId }, data: { letterNumber: "@SUM(1+1)" } });
      const entry = await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId } });
      const reference = (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).reference;
      expect(reference.startsWith("=HYPERLINK(")).toBe(true);

      const lines = (
        await (await agendaCsvResponse(handle.db, users.sekretariat!, { book: "PERMOHONAN", year: entry.year })).text()
      ).split("\r\n");
      const row = lines.find((l) => l.includes("HYPERLINK"))!;
      // The number stays a number; the reference and the letter number are text, prefixed with '.
      expect(row).toMatch(
        new RegExp(
          `^${entry.number},\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},"'=HYPERLINK\\(""http://x\\.test/\\?\\d+"",""Buka""\\)",Suap,Portal,'@SUM\\(1\\+1\\)$`,
        ),
      );
      expect(row).toContain(`"'${reference.replace(/"/g, '""')}"`);
    } finally {
      await as("admin").admin.settings.update({
        key: "numbering.caseReference",
        value: previous["numbering.caseReference"].value,
      });
    }
  });

  it("filters by date and leaves out what the reader may not see", async () => {
    const { caseId } = await caseWithFile();
    await as("sekretariat").cases.record({ caseId });
    const entry = await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId } });
    const year = entry.year;
    const reference = (await handle.db.case.findUniqueOrThrow({ where: { id: caseId } })).reference;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(entry.entryDate);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const text = async (user: string, extra: object = {}) =>
      (await agendaCsvResponse(handle.db, users[user]!, { book: "PERMOHONAN", year, ...extra })).text();
    expect(await text("pengawas")).toContain(reference);
    expect(await text("pengawas", { from: day, to: day })).toContain(reference);
    expect(await text("pengawas", { from: nextDay })).not.toContain(reference);
    await as("kadis").cases.exclude({ caseId, userId: users.telaah!.id, reason: "Keluarga terlapor" });
    expect(await text("telaah")).not.toContain(reference);
    expect(await text("kadis")).toContain(reference);
  });

  it("refuses nobody, roles without the books, and malformed requests", async () => {
    const before = await audits("agenda.export");
    expect((await agendaCsvResponse(handle.db, null, { book: "PERMOHONAN", year: 2026 })).status).toBe(401);
    expect((await agendaCsvResponse(handle.db, users.admin!, { book: "PERMOHONAN", year: 2026 })).status).toBe(403);
    expect((await agendaCsvResponse(handle.db, users.audit!, { book: "PERMOHONAN", year: 2026 })).status).toBe(403);
    expect((await agendaCsvResponse(handle.db, users.kadis!, { book: "LAIN", year: 2026 })).status).toBe(400);
    expect(
      (await agendaCsvResponse(handle.db, users.kadis!, { book: "TANGGAPAN", year: 2026, from: "kemarin" })).status,
    ).toBe(400);
    expect(await audits("agenda.export")).toBe(before);
    expect((await agendaCsvResponse(handle.db, users.kadis!, { book: "TANGGAPAN", year: 2026 })).status).toBe(200);
    expect(await audits("agenda.export")).toBe(before + 1);
  });
});

describe("agenda PDF", () => {
  it("prints a book as landscape pages with the table header repeated on every page, audited; refusals as for the CSV", async () => {
    const { caseId } = await caseWithFile();
    await as("sekretariat").cases.record({ caseId });
    const first = await handle.db.agendaEntry.findFirstOrThrow({ where: { caseId } });
    const c = await handle.db.case.findUniqueOrThrow({ where: { id: caseId } });
    // Enough lines for several pages (real rows of the same case; the book only lists them).
    const year = 2031;
    await handle.db.agendaEntry.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        book: "TANGGAPAN" as const,
        year,
        number: i + 1,
        entryDate: new Date(Date.UTC(year, 0, 5, 2, i)),
        caseId,
        reference: c.reference,
        category: c.category,
        channel: c.channel,
        letterNumber: `503/${i + 1}/TGP-WBS/DPMPTSP/${year}`,
      })),
    });
    const before = await audits("agenda.export");
    const res = await agendaPdfResponse(handle.db, users.pengawas!, { book: "TANGGAPAN", year, locale: "id" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="buku-agenda-tanggapan-pengaduan-wbs-${year}.pdf"`,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const pdf = Buffer.from(await res.arrayBuffer());
    await qpdfCheck(pdf);
    expect((await pdfFonts(pdf)).filter((f) => !f.embedded)).toEqual([]);
    const pages = (await pdfText(pdf)).split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages)
      expect(page).toMatch(/No\.\s+Tanggal\s+Nomor referensi\s+Jenis pelanggaran\s+Saluran\s+Nomor surat/);
    const all = pages.join("\n");
    expect(all).toContain("BUKU AGENDA TANGGAPAN PENGADUAN WBS");
    expect(all).toContain(`503/70/TGP-WBS/DPMPTSP/${year}`);
    expect(await audits("agenda.export")).toBe(before + 1);
    // Landscape A4: wider than high.
    expect(await pdfPageSize(pdf)).toEqual({ width: 842, height: 595 });

    expect((await agendaPdfResponse(handle.db, null, { book: "PERMOHONAN", year: first.year })).status).toBe(401);
    expect((await agendaPdfResponse(handle.db, users.audit!, { book: "PERMOHONAN", year: first.year })).status).toBe(
      403,
    );
    expect((await agendaPdfResponse(handle.db, users.kadis!, { book: "X", year: first.year })).status).toBe(400);
  });
});
