/**
 * Public statistics and the office dashboard in a real browser. Two reports of one kind are
 * sent through the portal first: the public page publishes only closed months after a lag, so
 * they are in no published figure (the current month reads "not yet published"), while the
 * office dashboard counts them exactly.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, fillReport, recordOrigins } from "./support/portal.ts";
import { signInAs, signOut } from "./support/staff.ts";

const KIND = "CONFLICT_OF_INTEREST";
const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric" }).format(new Date()));
const SECTIONS = ["per-year", "byMonth", "byCategory", "byChannel", "byStatus", "concluded"];

/** next-intl shows a missing message as its key: none may be left on the page. */
const MESSAGE_KEY = /\b(statistics|officeStats|home|workspace)\.[A-Za-z]+/;

async function expectEveryChartAndTable(page: Page) {
  await expect(page.locator("main")).not.toContainText(MESSAGE_KEY);
  for (const id of SECTIONS) {
    const section = page.getByTestId(`section-${id}`);
    await expect(section.getByTestId("bar-chart")).toBeVisible();
    await expect(section.locator("table")).toBeVisible();
  }
}

test.describe.configure({ mode: "serial" });

test.describe("statistics", () => {
  test.beforeAll(async ({ browser }) => {
    const reporter = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.60" } });
    const form = await reporter.newPage();
    for (let i = 0; i < 2; i++) {
      await form.goto("/lapor");
      await fillReport(form, `Ada benturan kepentingan dalam penilaian izin, laporan uji statistik ${i + 1}.`);
      await form.locator("#category").selectOption(KIND);
      await form.getByLabel(/itikad baik/).check();
      await form.getByRole("button", { name: "Kirim laporan" }).click();
      await expect(form.getByRole("heading", { name: "Laporan Anda telah diterima" })).toBeVisible();
    }
    await reporter.close();
  });

  test("the page works without JavaScript, publishes closed months only, and says the same as both downloads", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const origins = recordOrigins(context);
    const page = await context.newPage();
    const response = await page.goto("/statistik");
    expect(response?.status()).toBe(200);
    // From the page cache: no script, and a CSP that lets none run.
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'none'/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistik pengaduan");
    await expectEveryChartAndTable(page);
    await expect(page.getByTestId("published-through")).toContainText("tanggal batas");
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit" })
      .format(new Date())
      .slice(0, 7);
    await expect(page.getByTestId("table-byMonth").locator(`tr[data-key="${month}"] td`)).toHaveText("–");
    const row = page.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}]`);
    await expect(row.locator("th")).toHaveText("Benturan kepentingan");
    const shown = (await row.locator("td").innerText()).trim();
    expect(shown).toMatch(/^(< 3|\d[\d.]*)$/);
    await expect(page.getByText("metode cell-key")).toBeVisible();

    // The year selector is a plain GET form.
    await page.locator("#tahun").selectOption(String(year));
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page).toHaveURL(new RegExp(`/statistik\\?tahun=${year}$`));
    await expectEveryChartAndTable(page);

    const csv = await page.request.get(`/statistik/data.csv?tahun=${year}`);
    expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="statistik-wbs-${year}.csv"`);
    const lines = (await csv.text()).split("\r\n");
    expect(lines).toContain(`byCategory,${KIND},Benturan kepentingan,${shown.replace(".", "")}`);
    expect(lines).toContain(
      `byMonth,${month},${(await page.getByTestId("table-byMonth").locator(`tr[data-key="${month}"] th`).innerText()).trim()},-`,
    );
    expect(lines.some((l) => l.startsWith("meta,licence,,CC BY 4.0"))).toBe(true);
    const json = (await (await page.request.get(`/statistik/data.json?tahun=${year}&locale=en`)).json()) as {
      tables: { byCategory: { cells: { key: string; value: unknown }[] } };
    };
    expect(String(json.tables.byCategory.cells.find((c) => c.key === KIND)?.value)).toBe(shown.replace(".", ""));

    await page.goto("/en/statistik");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report statistics");
    await expectEveryChartAndTable(page);
    await expect(page.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}] td`)).toHaveText(
      shown.replace(".", ","),
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
    expect([...origins]).toEqual([new URL(page.url()).origin]);
    await context.close();
  });

  for (const path of ["/statistik", "/en/statistik"]) {
    test(`has no axe violations and loads nothing from elsewhere on ${path}`, async ({ browser }) => {
      const context = await browser.newContext();
      const origins = recordOrigins(context);
      const page = await context.newPage();
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page);
      expect([...origins]).toEqual([new URL(page.url()).origin]);
      expect(await context.cookies()).toEqual([]);
      await context.close();
    });
  }

  test("the office dashboard is there for the Sekretariat, unsuppressed, and not for Tim Telaah", async ({ page }) => {
    await signInAs(page, "sekretariat");
    await page.goto("/staff/kasus");
    await page.getByRole("link", { name: "Dasbor kantor" }).click();
    await expect(page).toHaveURL(/\/staff\/dasbor$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dasbor kantor");
    await expect(page.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}] td`)).toHaveText("2");
    await expect(page.getByTestId("dashboard-steps")).toBeVisible();
    await expect(page.locator("main")).not.toContainText(MESSAGE_KEY);
    await expect(page.getByTestId("dashboard-open")).toBeVisible();
    await expectNoAxeViolations(page);
    const download = page.waitForEvent("download");
    await page.getByTestId("dashboard-csv").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^dasbor-wbs-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
    await signOut(page);

    await signInAs(page, "telaah");
    await page.goto("/staff/dasbor");
    await expect(page.getByText("Dasbor kantor hanya untuk Kepala Dinas, Pengawas, dan Sekretariat.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Dasbor kantor" })).toHaveCount(0);
    expect((await page.request.get("/api/staff/statistics?from=2026-01-01&to=2026-12-31")).status()).toBe(403);
  });

  test("the office dashboard works without JavaScript, in English, for a chosen period", async ({ browser, page }) => {
    await signInAs(page, "kadis");
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    const noJs = await context.newPage();
    await noJs.goto("/en/staff/dasbor");
    await expect(noJs.getByRole("heading", { level: 1 })).toHaveText("Office dashboard");
    await expect(noJs.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}] td`)).toHaveText("2");
    await expect(noJs.locator("main")).not.toContainText(MESSAGE_KEY);

    await noJs.getByLabel("From").fill(`${year - 1}-01-01`);
    await noJs.getByLabel("To").fill(`${year - 1}-12-31`);
    await noJs.getByRole("button", { name: "Show" }).click();
    await expect(noJs).toHaveURL(new RegExp(`/en/staff/dasbor\\?from=${year - 1}-01-01&to=${year - 1}-12-31$`));
    await expect(noJs.locator("#dashboard-summary")).toHaveText(`Period: ${year - 1}-01-01 – ${year - 1}-12-31`);
    await expect(noJs.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}]`)).toHaveCount(1);
    await expect(noJs.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}] td`)).toHaveText("0");
    await expect(noJs.getByRole("alert")).toHaveCount(0);

    // An end before the start: the default period, and a notice saying why.
    await noJs.goto(`/en/staff/dasbor?from=${year}-12-31&to=${year}-01-01`);
    await expect(noJs.getByRole("alert")).toContainText("Invalid period");
    await expect(noJs.getByTestId("table-byCategory").locator(`tr[data-key=${KIND}] td`)).toHaveText("2");
    await context.close();
  });
});
