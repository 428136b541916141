/**
 * The pages that are the same for every visitor come from the page cache: no script at all, a
 * CSP that lets none run (no nonce, no 'unsafe-inline'), no console error, and a setting the Admin
 * changes shows on the home page at once.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { staffPage } from "./support/workflow.ts";

// A past year of statistics: the current year's page is left for e2e/statistics.spec.ts, whose
// reports would otherwise wait for this spec's copy (and the figures' own cache) to expire.
// An unknown code's verification page is the same for everyone too (a letter's own is tested in
// e2e/staff-journey.spec.ts).
const CACHED = [
  "/",
  "/en",
  "/statistik?tahun=2025",
  "/en/statistik?tahun=2025",
  "/verifikasi/0000-0000-0000",
  "/en/verifikasi/0000-0000-0000",
];

/** The page of a 200 answer that carries no script, under a CSP that lets none run and needs no nonce. */
async function scriptlessAnswer(res: APIResponse): Promise<string> {
  expect(res.status()).toBe(200);
  const csp = res.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|nonce-/);
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  const html = await res.text();
  expect(html).not.toMatch(/<script\b|as="script"|rel="modulepreload"/i);
  return html;
}

test.describe("pages from the page cache", () => {
  for (const path of CACHED) {
    test(`${path} ships no script and its CSP lets none run`, async ({ request }) => {
      for (let i = 0; i < 2; i++) {
        // The first answer fills the cache, the second comes from it: both the same.
        const res = await request.get(path);
        expect(res.headers()["set-cookie"]).toBeUndefined();
        const html = await scriptlessAnswer(res);
        expect(html).toMatch(/<link rel="stylesheet" href="\/_next\/static\//);
      }
    });
  }

  test("a code not spelt as printed is rendered per request, and still answered", async ({ request }) => {
    const res = await request.get("/verifikasi/0000-0000-000o");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-security-policy"]).toMatch(/nonce-/);
    expect(await res.text()).toContain('data-testid="verify-unknown"');
  });

  test("a browser shows them without a console error and loads nothing but the stylesheet", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`)));
    const scripts: string[] = [];
    page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
    for (const path of CACHED) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("load");
    }
    expect(errors).toEqual([]);
    expect(scripts).toEqual([]);
  });

  test("a setting the Admin changes shows on the home page at once", async ({ browser, request }) => {
    // The settings page loads through tRPC: slow on a busy two-core machine.
    test.setTimeout(240_000);
    expect(await (await request.get("/")).text()).toContain("Laporan dicatat paling lambat 1 hari kerja");
    const admin = await staffPage(browser, "admin");
    await admin.goto("/staff/admin/pengaturan");
    const section = admin.locator("section[aria-labelledby=commitments-title]");
    const save = async (days: string) => {
      await section.locator("#commitments-record").fill(days);
      await section.getByRole("button", { name: "Simpan" }).click();
      await expect(section.getByText("Perubahan disimpan.")).toBeVisible();
    };
    await save("2");
    try {
      expect(await (await request.get("/")).text()).toContain("Laporan dicatat paling lambat 2 hari kerja");
      expect(await (await request.get("/en")).text()).toContain("within 2 working days");
    } finally {
      await admin.reload();
      await save("1");
    }
    expect(await (await request.get("/")).text()).toContain("Laporan dicatat paling lambat 1 hari kerja");
    await admin.context().close();
  });
});

test.describe("form pages", () => {
  for (const path of ["/lapor", "/en/lapor", "/lacak", "/en/lacak"]) {
    test(`${path} ships no script, lets none run, and keeps its form token`, async ({ request }) => {
      const html = await scriptlessAnswer(await request.get(path));
      expect(html).toMatch(/name="formToken" value="[^"]+"/);
    });
  }

  test("a browser shows them without a console error and loads no script", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`)));
    const scripts: string[] = [];
    page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
    for (const path of ["/lapor", "/lacak"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("load");
    }
    expect(errors).toEqual([]);
    expect(scripts).toEqual([]);
  });
});
