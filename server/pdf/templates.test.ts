/**
 * Per template: `qpdf --check` passes, `pdftotext` finds the number, the
 * date in Indonesian, the office name and the signer's NIP, and `pdffonts` lists only embedded
 * fonts (the bundled Tinos).
 */
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { pdfFonts, pdfImageCount, pdfText, qpdfCheck } from "./pdf-tools.ts";
import { renderLetter } from "./render.tsx";
import { sampleLetter } from "./sample-letters.ts";
import type { TemplateType } from "../domain/letters/types.ts";

const TYPES: TemplateType[] = ["CATATAN_PENGADUAN", "SURAT_PENGADUAN", "BERITA_ACARA", "TANGGAPAN"];
/** pdftotext -layout may break a long line anywhere between words. */
const squash = (s: string) => s.replace(/\s+/g, " ");

describe.each(TYPES)("the %s template", (type) => {
  it("renders a valid PDF whose text is extractable and whose fonts are all embedded", async () => {
    const input = sampleLetter(type);
    const pdf = await renderLetter(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(qpdfCheck(pdf)).resolves.toMatch(/No syntax or stream encoding errors found/);

    const text = squash(await pdfText(pdf));
    expect(text).toContain(input.meta.number);
    expect(text).toContain("28 November 2026");
    expect(text).toContain("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU");
    expect(text).toContain("PEMERINTAH KABUPATEN LAMANDAU");
    expect(text).toContain(`NIP. ${input.content.signer.nip}`);
    expect(text).toContain(input.meta.verificationCode);

    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => f.name.includes("Tinos"))).toBe(true);
  });
});

describe("template details", () => {
  it("opens the Berita Acara with the day and date in words", async () => {
    const text = squash(await pdfText(await renderLetter(sampleLetter("BERITA_ACARA"))));
    expect(text).toContain("Pada hari ini Jumat tanggal dua puluh tujuh bulan November tahun dua ribu dua puluh enam");
    // Every member signs with their NIP, and the chair as well.
    for (const nip of ["198203112006041003", "198009252003122002", "197904022005021004"])
      expect(text).toContain(`NIP. ${nip}`);
  });

  it("states when the meeting really began and ended, and labels every signer", async () => {
    const input = sampleLetter("BERITA_ACARA");
    if (input.content.type !== "BERITA_ACARA") throw new Error("sample");
    const kadis = input.content.meeting.attendees[0]!;
    const extra = (name: string, role: "MEMBER" | "SECRETARY", nip: string) => ({
      ...kadis,
      name,
      role,
      nip,
      position: role === "SECRETARY" ? "Analis Kebijakan" : "Auditor",
    });
    input.content.meeting.attendees.push(
      extra("Dewi Lestari, S.H.", "MEMBER", "199001012015032001"),
      extra("Rudi Hartono, S.Kom.", "SECRETARY", "199202022016041002"),
    );
    const pdf = await renderLetter(input);
    const text = squash(await pdfText(pdf));
    expect(text).toContain("dimulai 27 November 2026 pukul 09.15 WIB dan berakhir pukul 10.40 WIB");
    expect(text).not.toContain("pukul 09.00");
    expect(text.match(/Anggota,/g)).toHaveLength(3);
    expect(text).toContain("Notulis,");
    expect(text).toContain("Pimpinan rapat,");
    // The approval never stands alone on a page: the closing lines and the other signatures are with it.
    const pages = (await pdfText(pdf)).split("\f").map(squash);
    const last = pages.find((p) => p.includes("Mengetahui dan menyetujui"))!;
    expect(last).toContain("Demikian Berita Acara ini dibuat");
    expect(last).toContain("Notulis,");
  });

  it("addresses the Tanggapan by reference, not by name", async () => {
    const text = squash(await pdfText(await renderLetter(sampleLetter("TANGGAPAN"))));
    expect(text).toContain("dengan nomor referensi WBS-2026-0001");
    expect(text).toContain("Nanga Bulik, 28 November 2026");
  });

  it("prints the emblem on the letterhead when one is uploaded, and none otherwise", async () => {
    const emblem = await sharp({
      create: { width: 120, height: 140, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .png()
      .toBuffer();
    const input = sampleLetter("CATATAN_PENGADUAN");
    expect(await pdfImageCount(await renderLetter(input))).toBe(0);
    input.office = { ...input.office, emblem: { data: emblem, format: "png" } };
    const withEmblem = await renderLetter(input);
    expect(await pdfImageCount(withEmblem)).toBe(1);
    await qpdfCheck(withEmblem);
  });

  it("names the replaced letter in a correction", async () => {
    const input = sampleLetter("TANGGAPAN");
    input.meta.replaces = { number: "503/1/TGP-WBS/DPMPTSP/2026", issuedAt: new Date("2026-11-27T03:00:00Z") };
    input.meta.number = "503/2/TGP-WBS/DPMPTSP/2026";
    const text = squash(await pdfText(await renderLetter(input)));
    expect(text).toContain("menggantikan surat Nomor 503/1/TGP-WBS/DPMPTSP/2026 tanggal 27 November 2026");
  });
});
