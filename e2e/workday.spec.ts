/**
 * The office's working day: two members of staff on one case (each page stays current without
 * a reload; a submit made on a stale page is refused with a clear message and the fresh state),
 * the staff home with the user's queue under a staff header, and the portal's file chooser in
 * the page's language.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillReport, FIXTURES } from "./support/portal.ts";
import { openCaseByReference, staffPage, STAFF_STATUS } from "./support/workflow.ts";

test.describe.configure({ timeout: 180_000 });

/** A report sent on the portal without JavaScript, from an address of its own; returns its reference. */
async function portalReport(browser: Browser, address: string): Promise<string> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
  const page = await context.newPage();
  await page.goto("/lapor");
  await fillReport(page);
  await page.getByLabel(/itikad baik/).check();
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  const reference = (await page.getByTestId("reference").innerText()).trim();
  await context.close();
  return reference;
}

const status = (page: Page) => page.getByTestId("case-status");

test("two clerks on one case: the other's move shows without a reload, and a stale submit is refused with the fresh state", async ({
  browser,
}) => {
  const first = await portalReport(browser, "198.51.100.81");
  const second = await portalReport(browser, "198.51.100.82");
  const a = await staffPage(browser, "sekretariat");
  const b = await staffPage(browser, "sekretariat");

  // The staff home: the user's queue and counts, under the staff header (not the portal's links).
  await expect(a.getByTestId("staff-header")).toBeVisible();
  await expect(a.getByRole("link", { name: "Buat laporan" })).toHaveCount(0);
  await expect(a.getByTestId("my-queue")).toBeVisible();
  expect(Number(await a.getByTestId("home-count-mine").locator("span").first().innerText())).toBeGreaterThanOrEqual(2);
  // The five most urgent cases: earlier journeys may have left older, more urgent ones on top.
  await expect(
    a
      .getByTestId("my-queue")
      .getByRole("link", { name: /WBS-\d{4}-\d+/ })
      .first(),
  ).toBeVisible();

  // Both open the first case; A records it; B's page follows without a reload.
  const firstUrl = await openCaseByReference(a, first);
  await b.goto(firstUrl);
  await expect(status(b)).toHaveText(STAFF_STATUS.SUBMITTED);
  await expect(b.getByTestId("action-record")).toBeVisible();
  await a.getByTestId("action-record").getByRole("button", { name: "Catat laporan" }).click();
  await expect(status(a)).toHaveText(STAFF_STATUS.RECORDED);
  await expect(status(b)).toHaveText(STAFF_STATUS.RECORDED, { timeout: 20_000 });
  await expect(b.getByTestId("action-record")).toHaveCount(0);
  await expect(b.getByTestId("case-updated")).toContainText("diubah oleh petugas lain");

  // The second case: B's page has not heard of A's move yet (its checks are held back) and B submits.
  const secondUrl = await openCaseByReference(a, second);
  await b.route("**/api/trpc/cases.revision**", (route) => route.abort());
  await b.goto(secondUrl);
  await expect(b.getByTestId("action-record")).toBeVisible();
  await a.getByTestId("action-record").getByRole("button", { name: "Catat laporan" }).click();
  await expect(status(a)).toHaveText(STAFF_STATUS.RECORDED);
  await b.getByTestId("action-record").getByRole("button", { name: "Catat laporan" }).click();
  await expect(b.getByTestId("action-notice")).toContainText("Kasus sudah berpindah tahap");
  await expect(status(b)).toHaveText(STAFF_STATUS.RECORDED);
  await expect(b.getByTestId("action-record")).toHaveCount(0);
  // Reopened from the queue, the case shows what is current at once.
  await b.unroute("**/api/trpc/cases.revision**");
  await openCaseByReference(b, second);
  await expect(status(b)).toHaveText(STAFF_STATUS.RECORDED);
});

test("the portal's file input is the browser's own, labelled in the page's language; the site has a favicon", async ({
  browser,
  request,
}) => {
  // The report form ships no script: with JavaScript on or off the visitor gets the native input.
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${javaScriptEnabled ? 83 : 84}` },
    });
    const page = await context.newPage();
    await page.goto("/lapor");
    await expect(page.getByLabel("Lampiran bukti", { exact: true })).toBeVisible();
    await expect(page.locator("#files")).toHaveAttribute("multiple", "");
    await page.locator("#files").setInputFiles([`${FIXTURES}/foto-gps.jpg`, `${FIXTURES}/bukan-foto.jpg`]);
    expect(await page.locator("#files").evaluate((el: HTMLInputElement) => el.files?.length)).toBe(2);
    await page.goto("/en/lapor");
    await expect(page.getByLabel("Evidence files", { exact: true })).toBeVisible();
    await context.close();
  }

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/icon/);
});
