/**
 * Writes docs/screenshots/staff-home.png, staff-queue.png and statistics.png with the sample
 * office year, each page carrying the "Data contoh" banner (demo-playwright.config.ts here).
 */
import { expect, test } from "@playwright/test";
import { staffPage } from "../../e2e/support/workflow.ts";

const OUT = "docs/screenshots";
const BANNER = "Data contoh — bukan laporan sungguhan";

test("demo screenshots", async ({ browser }) => {
  test.setTimeout(300_000);
  const sekretariat = await staffPage(browser, "sekretariat");
  await sekretariat.setViewportSize({ width: 1280, height: 900 });
  await sekretariat.goto("/staff");
  await expect(sekretariat.getByRole("heading", { name: "Ruang kerja" })).toBeVisible();
  await expect(sekretariat.getByTestId("sample-data-banner")).toContainText(BANNER);
  await sekretariat.screenshot({ path: `${OUT}/staff-home.png`, fullPage: true });

  await sekretariat.goto("/staff/kasus?tab=all");
  await expect(sekretariat.getByTestId("queue-table")).toBeVisible();
  await expect(sekretariat.getByTestId("sample-data-banner")).toBeVisible();
  await sekretariat.screenshot({ path: `${OUT}/staff-queue.png`, fullPage: true });

  // The dashboard and the agenda books carry it too.
  for (const path of ["/staff/dasbor", "/staff/agenda"]) {
    await sekretariat.goto(path);
    await expect(sekretariat.getByTestId("sample-data-banner")).toBeVisible();
  }

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/statistik");
  await expect(page.getByTestId("table-byCategory")).toBeVisible();
  await expect(page.getByTestId("sample-data-banner")).toContainText(BANNER);
  await page.screenshot({ path: `${OUT}/statistics.png`, fullPage: true });
  await context.close();
});
