/**
 * Letters in the journeys: download a letter through the page's own link (a real
 * browser download, as the user gets it) and read it with poppler and qpdf, as the template
 * tests do.
 */
import fs from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";
import { pdfFonts, pdfText, qpdfCheck } from "../../server/pdf/pdf-tools.ts";

/** The staff case page's letter list items by type (data-letter-type on each item). */
export type LetterTypeName = "CATATAN_PENGADUAN" | "SURAT_PENGADUAN" | "BERITA_ACARA" | "TANGGAPAN" | "DOSSIER";

export interface DownloadedLetter {
  fileName: string;
  bytes: Buffer;
  /** pdftotext's text with runs of white space made single spaces (layout may wrap anywhere). */
  text: string;
  /** The verification code printed in the footer's address (…/verifikasi/XXXX-XXXX-XXXX), if any. */
  verificationCode: string | null;
}

/** Clicks `link`, waits for the download, and checks it is a sound PDF with every font embedded. */
export async function downloadLetter(page: Page, link: Locator): Promise<DownloadedLetter> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = await download.path();
  const bytes = await fs.readFile(file);
  expect(bytes.subarray(0, 5).toString("latin1"), "a PDF").toBe("%PDF-");
  await qpdfCheck(bytes);
  expect(
    (await pdfFonts(bytes)).filter((f) => !f.embedded),
    "fonts not embedded",
  ).toEqual([]);
  const text = (await pdfText(bytes)).replace(/\s+/g, " ");
  return {
    fileName: download.suggestedFilename(),
    bytes,
    text,
    verificationCode: /\/verifikasi\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? null,
  };
}

/**
 * Downloads the case's letter of `type` from the staff case page and checks what every letter
 * must show: its number, the office, and (for the signed letters) a signer's NIP. Returns it for
 * further checks.
 */
export async function downloadStaffLetter(
  page: Page,
  caseUrl: string,
  type: LetterTypeName,
): Promise<DownloadedLetter> {
  if (page.url() !== caseUrl) await page.goto(caseUrl);
  const item = page.getByTestId("letters").locator(`li[data-letter-type="${type}"]`).last();
  await expect(item).toBeVisible();
  const number = /Nomor (\S+)/.exec(await item.innerText())?.[1] ?? null;
  const letter = await downloadLetter(page, item.getByRole("link"));
  expect(letter.text).toContain("PEMERINTAH KABUPATEN LAMANDAU");
  expect(letter.text).toContain("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU");
  if (type !== "DOSSIER") {
    expect(number, "the list shows the letter's number").not.toBeNull();
    expect(letter.text).toContain(number!);
    expect(letter.text).toMatch(/NIP\. \d{18}/);
  }
  return letter;
}

/** The public verification page confirms the letter (type and number) without showing its content. */
export async function expectVerified(
  page: Page,
  code: string,
  expected: { title: string; number?: string },
): Promise<void> {
  await page.goto(`/verifikasi/${code}`);
  const found = page.getByTestId("verify-found");
  await expect(found).toContainText(expected.title);
  if (expected.number) await expect(found).toContainText(expected.number);
}
