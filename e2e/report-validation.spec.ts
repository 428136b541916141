import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, fillReport, FIXTURES } from "./support/portal.ts";

const MiB = 1024 * 1024;
const submit = (page: Page) => page.getByRole("button", { name: "Kirim laporan" }).click();
const summary = (page: Page) => page.getByRole("alert").filter({ hasText: "Laporan belum terkirim" });

for (const js of [false, true]) {
  test.describe(`bad input with JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("missing fields get messages next to them and keep what was typed", async ({ page }) => {
      await page.goto("/lapor");
      await page.locator("#where").fill("Kantor DPMPTSP");
      await submit(page);
      await expect(summary(page)).toBeVisible();
      await expect(page.locator("#category-error")).toHaveText("Wajib diisi.");
      await expect(page.locator("#what-error")).toHaveText("Wajib diisi.");
      await expect(page.locator("#persons-error")).toHaveText("Wajib diisi.");
      await expect(page.locator("#goodFaith-error")).toContainText("itikad baik");
      await expect(page.locator("#what")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#where")).toHaveValue("Kantor DPMPTSP");
      await expect(page.getByTestId("tracking-code")).toHaveCount(0);
    });

    test("a 200 000-character field, six files, an 11 MB file and a disguised executable are refused clearly", async ({
      page,
    }) => {
      await page.goto("/lapor");
      await fillReport(page, "x".repeat(200_000));
      await page.getByLabel(/itikad baik/).check();
      const small = (i: number) => ({
        name: `catatan-${i}.txt`,
        mimeType: "text/plain",
        buffer: Buffer.from(`catatan ${i}`),
      });
      await page.locator("#files").setInputFiles([0, 1, 2, 3, 4, 5].map(small));
      await submit(page);
      await expect(page.locator("#what-error")).toContainText("Terlalu panjang: paling banyak 10.000 karakter.");
      await expect(page.locator("#files-error")).toContainText("Terlalu banyak berkas: paling banyak 5 berkas.");
      await expect(page.locator("#personName-0")).toHaveValue("Budi Santoso");

      await page.locator("#what").fill("Pungutan tanpa dasar hukum di loket.");
      await page
        .locator("#files")
        .setInputFiles([{ name: "rekaman.mp3", mimeType: "audio/mpeg", buffer: Buffer.alloc(11 * MiB, 1) }]);
      await submit(page);
      await expect(page.locator("#files-error")).toHaveText("rekaman.mp3: ukuran lebih dari 10 MB.");

      await page.locator("#files").setInputFiles(`${FIXTURES}/bukan-foto.jpg`);
      await submit(page);
      await expect(page.locator("#files-error")).toContainText("bukan-foto.jpg: jenis berkas tidak diterima.");
      await expect(page.getByTestId("tracking-code")).toHaveCount(0);
    });

    test("a malformed tracking code gets a clear message", async ({ page }) => {
      await page.goto("/lacak");
      await page.getByLabel("Kode pelacakan").fill("ABCD-12");
      await page.getByRole("button", { name: "Buka laporan" }).click();
      await expect(page.locator("#code-error")).toContainText("tidak sesuai format");
      await expect(page.getByLabel("Kode pelacakan")).toHaveValue("ABCD-12");
    });
  });
}

test("the 11th wrong code within a minute is refused", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.99" } });
  const page = await context.newPage();
  await page.goto("/lacak");
  for (let i = 0; i < 11; i++) {
    await page.getByLabel("Kode pelacakan").fill(`ZZZZ-ZZZZ-ZZZZ-ZZ${String(i).padStart(2, "0")}`);
    await page.getByRole("button", { name: "Buka laporan" }).click();
    await expect(page.locator("#code-error")).toHaveText(
      i < 10 ? /Kode tidak dikenal/ : /Terlalu banyak kode yang salah/,
    );
  }
  await context.close();
});

test("the whole flow works by keyboard on a 360 px phone", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.42" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expectNoHorizontalScroll(page);
  // From the home page to the form by keyboard only.
  await page.keyboard.press("Tab"); // skip link
  const reportLink = page.getByRole("link", { name: "Buat laporan" }).first();
  for (let i = 0; i < 12 && !(await reportLink.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lapor$/);
  await expectNoHorizontalScroll(page);

  await page.locator("#category").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Pungutan liar untuk mempercepat izin.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Andi");
  for (const [selector, text] of [
    ["#where", "Nanga Bulik"],
    ["#when", "November 2026"],
  ] as const) {
    await page.locator(selector).focus();
    await page.keyboard.type(text);
  }
  await page.locator("#goodFaith").focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tracking-code")).toBeVisible();
  await expectNoHorizontalScroll(page);
  const code = (await page.getByTestId("tracking-code").innerText()).trim();

  await page.goto("/lacak");
  await expectNoHorizontalScroll(page);
  await page.locator("#code").focus();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lacak\/kasus$/);
  await expectNoHorizontalScroll(page);
  await page.locator("#body").focus();
  await page.keyboard.type("Tambahan keterangan dari keyboard.");
  const send = page.getByRole("button", { name: "Kirim pesan" });
  for (let i = 0; i < 5 && !(await send.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(send).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("messages")).toContainText("Tambahan keterangan dari keyboard.");
  await page.getByRole("button", { name: "Keluar" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lacak$/);
  await expectNoAxeViolations(page);
  await context.close();
});

test("a form post from another site is refused and opens no session", async ({ request }) => {
  const html = await (await request.get("/lacak")).text();
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
      name!,
      (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    ]),
  );
  const post = (site: string) =>
    request.post("/lacak", {
      multipart: { ...fields, code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
      headers: { Origin: "null", "Sec-Fetch-Site": site, "X-Forwarded-For": "203.0.113.5" },
    });
  const sameSite = await post("same-origin");
  expect(sameSite.status()).toBe(200);
  expect(await sameSite.text()).toContain("Kode tidak dikenal");
  const crossSite = await post("cross-site");
  expect(crossSite.status()).toBeGreaterThanOrEqual(400);
  expect(await crossSite.text()).not.toContain("Kode tidak dikenal");
  expect(crossSite.headers()["set-cookie"]).toBeUndefined();
});
