import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { m4aNested, pngBomb } from "../server/domain/uploads/test-bombs.ts";
import { fillReport, FIXTURES } from "./support/portal.ts";

const submit = (page: Page) => page.getByRole("button", { name: "Kirim laporan" }).click();

// The production server sanitises in its worker pool (a Turbopack-compiled worker chunk): a
// photo comes through, a bomb is refused by name, and nothing of the report is created.
test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });

test("a decompression bomb is refused by name, no report is created, and a photo then goes through", async ({
  page,
}) => {
  await page.goto("/lapor");
  await fillReport(page);
  await page.getByLabel(/itikad baik/).check();
  await page.locator("#files").setInputFiles([
    { name: "denah.png", mimeType: "image/png", buffer: pngBomb() },
    { name: "rekaman.m4a", mimeType: "audio/mp4", buffer: m4aNested() },
    { name: "foto-gps.jpg", mimeType: "image/jpeg", buffer: fs.readFileSync(`${FIXTURES}/foto-gps.jpg`) },
  ]);
  await submit(page);
  await expect(page.locator("#files-error")).toContainText("Berkas denah.png tidak dapat diproses dengan aman");
  await expect(page.locator("#files-error")).toContainText("Berkas rekaman.m4a tidak dapat diproses dengan aman");
  await expect(page.getByTestId("tracking-code")).toHaveCount(0);

  await page.locator("#files").setInputFiles(`${FIXTURES}/foto-gps.jpg`);
  await submit(page);
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await expect(page.getByText("foto-gps.jpg")).toBeVisible();
});
