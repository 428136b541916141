/**
 * Writes docs/screenshots/statistics.png: /statistik after a handful of portal reports of
 * several kinds, so the page shows exact counts next to protected ones ("< 3", "x").
 *   npm run build && npx playwright test --config docs/tools/playwright.config.ts statistics-screenshot
 */
import { expect, test } from "@playwright/test";
import { fillReport } from "../../e2e/support/portal.ts";

const KINDS = { ILLEGAL_LEVY: 6, BRIBERY: 4, GRATIFICATION: 3, CORRUPTION: 2, ABUSE_OF_AUTHORITY: 1 } as const;

test("statistics screenshot", async ({ browser }) => {
  test.setTimeout(240_000);
  const reporter = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.90" } });
  const form = await reporter.newPage();
  for (const [kind, n] of Object.entries(KINDS)) {
    for (let i = 0; i < n; i++) {
      await form.goto("/lapor");
      await fillReport(form, `Laporan contoh untuk tangkapan layar statistik (${kind} ${i + 1}).`);
      await form.locator("#category").selectOption(kind);
      await form.getByLabel(/itikad baik/).check();
      await form.getByRole("button", { name: "Kirim laporan" }).click();
      await expect(form.getByRole("heading", { name: "Laporan Anda telah diterima" })).toBeVisible();
    }
  }
  await reporter.close();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/statistik");
  await expect(page.getByTestId("table-byCategory")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/statistics.png", fullPage: true });
  await context.close();
});
