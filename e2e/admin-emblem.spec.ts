/**
 * Admin uploads the regency emblem for the letterhead on the settings page, sees it previewed
 * (a data: URL, nothing loaded from elsewhere), is told plainly when a file is not an image,
 * and removes it again.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, FIXTURES } from "./support/portal.ts";
import { staffPage } from "./support/workflow.ts";

const fixture = (name: string) => path.join(FIXTURES, name);

test("Admin uploads the letterhead emblem, is told when a file is not an image, and removes it", async ({
  browser,
}) => {
  const admin = await staffPage(browser, "admin");
  const foreign: string[] = [];
  admin.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1") && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await admin.goto("/staff/admin/pengaturan");
  const section = admin.locator("section[aria-labelledby=emblem-title]");
  await expect(section.getByRole("heading", { name: "Lambang daerah (kop surat)" })).toBeVisible();
  await expect(section).toContainText("Belum ada lambang");

  // Nothing chosen: said next to the field, nothing sent.
  await section.getByRole("button", { name: "Unggah lambang" }).click();
  await expect(admin.locator("#emblem-file-error")).toHaveText("Pilih berkas lambang terlebih dahulu.");

  // A program renamed to .jpg: refused by its content.
  await admin.locator("#emblem-file").setInputFiles(fixture("bukan-foto.jpg"));
  await section.getByRole("button", { name: "Unggah lambang" }).click();
  await expect(section.getByRole("alert")).toHaveText("Berkas bukan gambar PNG atau JPEG. Pilih berkas PNG atau JPEG.");
  await expect(section).toContainText("Belum ada lambang");

  // A photo with GPS in its EXIF: stored as a PNG within 600 px, previewed from a data: URL.
  await admin.locator("#emblem-file").setInputFiles(fixture("foto-gps.jpg"));
  await section.getByRole("button", { name: "Unggah lambang" }).click();
  await expect(section.getByRole("status")).toHaveText("Lambang disimpan. Surat berikutnya memakai lambang ini.");
  const preview = section.getByTestId("emblem-preview");
  await expect(preview).toBeVisible();
  expect(await preview.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
  await expect(section).toContainText("600 × 450 piksel");
  await expect(section.getByRole("button", { name: "Ganti lambang" })).toBeVisible();
  await expectNoAxeViolations(admin);

  // Removed after confirming; the page says the letterhead now has none.
  await section.getByRole("button", { name: "Hapus lambang" }).click();
  await section.getByRole("button", { name: "Ya, lanjutkan" }).click();
  await expect(section.getByRole("status")).toHaveText("Lambang dihapus.");
  await expect(section).toContainText("Belum ada lambang");
  await expect(preview).toHaveCount(0);

  expect(foreign).toEqual([]);
});
