import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("portal home", () => {
  test("is in Indonesian, loads nothing from other hosts and sets no cookie", async ({ page, context, baseURL }) => {
    const origins = new Set<string>();
    page.on("request", (req) => origins.add(new URL(req.url()).origin));
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Laporkan pelanggaran dengan aman");
    await expect(page.getByRole("heading", { name: "Delapan langkah penanganan (SOP)" })).toBeVisible();
    await expect(page.getByText("Laporan dicatat paling lambat 1 hari kerja")).toBeVisible();
    await expect(page.getByText("Tanggapan tertulis paling lambat 10 hari kerja")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
    expect(await context.cookies()).toEqual([]);
    expect(response!.headers()["set-cookie"]).toBeUndefined();
  });

  for (const path of ["/", "/lapor", "/lacak", "/lacak/kasus", "/en/lapor"]) {
    test(`answers ${path} with the security headers and no cookie`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["set-cookie"]).toBeUndefined();
      if (path !== "/") expect(headers["cache-control"]).toContain("no-store");
      expect(headers["content-security-policy"]).toMatch(/default-src 'self'/);
      // The home page comes from the page cache, the form pages are rendered per request: neither carries a
      // script, none may run.
      expect(headers["content-security-policy"]).toMatch(/script-src 'none'/);
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["strict-transport-security"]).toContain("max-age=");
      expect(headers["permissions-policy"]).toContain("geolocation=()");
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }

  test("switches to English and back without a cookie", async ({ page, context }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Switch to English" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Report wrongdoing safely");
    await page.getByRole("link", { name: "Ganti ke Bahasa Indonesia" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    expect(await context.cookies()).toEqual([]);
  });

  test("works with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Report wrongdoing safely");
    await page.getByRole("link", { name: "Make a report" }).first().click();
    await expect(page).toHaveURL(/\/en\/lapor$/);
    await context.close();
  });

  for (const path of ["/", "/en", "/staff/masuk", "/en/staff/masuk"]) {
    test(`has no axe violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }

  test("holds its layout at 360 px wide", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
