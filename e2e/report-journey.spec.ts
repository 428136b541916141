import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, fillReport, FIXTURES, recordOrigins } from "./support/portal.ts";

const journeys = [
  { js: false, locale: "id" },
  { js: true, locale: "id" },
  { js: true, locale: "en" },
] as const;

for (const { js, locale } of journeys) {
  const en = locale === "en";
  const prefix = en ? "/en" : "";
  test(`reporter journey with JavaScript ${js ? "on" : "off"} (${locale}): report with a GPS photo, track, reply, sign out`, async ({
    browser,
    baseURL,
  }) => {
    // Each journey is its own client, so the tracking brake of one never affects another.
    const context = await browser.newContext({
      javaScriptEnabled: js,
      acceptDownloads: true,
      extraHTTPHeaders: {
        "X-Forwarded-For": `198.51.100.${journeys.findIndex((j) => j.js === js && j.locale === locale) + 10}`,
      },
    });
    const origins = recordOrigins(context);
    const page = await context.newPage();

    await page.goto(`${prefix}/lapor`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Make a report" : "Buat laporan");
    if (js) await expectNoAxeViolations(page);
    await fillReport(page);
    await page.locator("#files").setInputFiles(`${FIXTURES}/foto-gps.jpg`);
    await page.getByLabel(en ? /good faith/ : /itikad baik/).check();
    const submitted = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/lapor"),
    );
    await page.getByRole("button", { name: en ? "Send report" : "Kirim laporan" }).click();
    const post = await submitted;
    expect(post.headers()["cache-control"]).toContain("no-store");
    expect(post.headers()["referrer-policy"]).toBe("no-referrer");

    await expect(
      page.getByRole("heading", { name: en ? "Your report has been received" : "Laporan Anda telah diterima" }),
    ).toBeVisible();
    const code = (await page.getByTestId("tracking-code").innerText()).trim();
    const reference = (await page.getByTestId("reference").innerText()).trim();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(reference).toMatch(/^WBS-\d{4}-\d{4}$/);
    expect(page.url()).not.toContain(code);
    await expect(page.getByText("foto-gps.jpg")).toBeVisible();
    if (js) await expectNoAxeViolations(page);
    // Nothing about the reporter is kept in the browser before the tracking sign-in.
    expect(await context.cookies()).toEqual([]);

    const download = page.waitForEvent("download");
    await page
      .getByRole("button", { name: en ? "Download the code as a text file" : "Unduh kode sebagai berkas teks" })
      .click();
    const file = await (await download).path();
    expect(fs.readFileSync(file, "utf8")).toContain(code);

    await page.goto(`${prefix}/lacak`);
    if (js) await expectNoAxeViolations(page);
    await page.getByLabel(en ? "Tracking code" : "Kode pelacakan").fill(code.toLowerCase());
    await page.getByRole("button", { name: en ? "Open report" : "Buka laporan" }).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/lacak/kasus$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      en ? `Report ${reference}` : `Laporan ${reference}`,
    );
    await expect(page.getByTestId("case-status")).toHaveText(
      en ? "Received, waiting to be recorded" : "Diterima, menunggu pencatatan",
    );
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: "lentera_lacak", httpOnly: true, sameSite: "Strict", expires: -1 });
    if (js) await expectNoAxeViolations(page);

    const reply = `Saya tambahkan: kejadian berulang pada ${locale}-${js ? "js" : "nojs"}.`;
    await page.getByLabel(en ? "Write a message" : "Tulis pesan").fill(reply);
    await page.getByRole("button", { name: en ? "Send message" : "Kirim pesan" }).click();
    await expect(page.getByRole("status").filter({ hasText: en ? "Message sent." : "Pesan terkirim." })).toBeVisible();
    await expect(page.getByTestId("messages")).toContainText(reply);
    // Rendered for this reporter alone, and still without any script, under a CSP that lets none run.
    const casePage = await page.request.get(`${prefix}/lacak/kasus`);
    expect(casePage.headers()["cache-control"]).toContain("no-store");
    expect(casePage.headers()["content-security-policy"]).toContain("script-src 'none'");
    expect(casePage.headers()["content-security-policy"]).not.toMatch(/unsafe-inline|nonce-/);
    expect(casePage.headers()["x-frame-options"]).toBe("DENY");
    const caseHtml = await casePage.text();
    expect(caseHtml).toContain(reference);
    expect(caseHtml).toContain(reply);
    expect(caseHtml).not.toMatch(/<script\b|as="script"|rel="modulepreload"/i);

    await page.getByRole("button", { name: en ? "Sign out" : "Keluar" }).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/lacak$`));
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${prefix}/lacak/kasus`);
    await expect(page.getByText(en ? /Your session has ended/ : /Sesi Anda telah berakhir/)).toBeVisible();

    expect([...origins]).toEqual([new URL(baseURL!).origin]);
    await context.close();
  });
}
