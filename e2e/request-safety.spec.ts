/**
 * Requests a browser page of another site can make, or a hostile client can send, against a
 * production server: cross-site posts to staff mutations, portal form posts whose browser says
 * nothing of their origin, unreadable addresses, oversized bodies, dotted paths, and the CSP
 * without inline style attributes.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { FIXTURES } from "./support/portal.ts";
import { staffPage } from "./support/workflow.ts";

const SECURITY_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function expectSecurityHeaders(headers: Record<string, string>, csp: RegExp = /default-src 'self'/) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["content-security-policy"]).toMatch(csp);
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
}

test.describe("staff mutations", () => {
  const emblem = (request: APIRequestContext) =>
    request.get("/api/trpc/admin.settings.emblem.get").then(async (r) => JSON.stringify(await r.json()));

  test("refuse a cross-site or form-encoded post even with the admin cookie, and change nothing", async ({
    browser,
    baseURL,
  }) => {
    const admin = await staffPage(browser, "admin");
    const request = admin.context().request;
    // Set an emblem the way the page does (a same-origin JSON post from the page itself).
    const base64 = fs.readFileSync(path.join(FIXTURES, "foto-gps.jpg")).toString("base64");
    await admin.goto("/staff/admin/pengaturan");
    const set = await admin.evaluate(
      async (b64) =>
        (
          await fetch("/api/trpc/admin.settings.emblem.set", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ json: { base64: b64 } }),
          })
        ).status,
      base64,
    );
    expect(set).toBe(200);
    const before = await emblem(request);
    expect(before).toContain("image/png");

    const url = "/api/trpc/admin.settings.emblem.remove";
    const attempts: {
      headers: Record<string, string>;
      multipart?: Record<string, string>;
      data?: string;
      status: number;
    }[] = [
      // What an HTML form on a sibling or foreign site sends.
      {
        headers: { origin: "http://evil.test", "sec-fetch-site": "cross-site" },
        multipart: { "0": "{}" },
        status: 415,
      },
      {
        headers: { origin: "http://sub.127.0.0.1.nip.io", "sec-fetch-site": "same-site" },
        multipart: { "0": "{}" },
        status: 415,
      },
      // Form-encoded even if it claims to come from this origin.
      { headers: { origin: baseURL!, "sec-fetch-site": "same-origin" }, multipart: { "0": "{}" }, status: 415 },
      {
        headers: { origin: baseURL!, "sec-fetch-site": "same-origin", "content-type": "text/plain" },
        data: "{}",
        status: 415,
      },
      // JSON, but from elsewhere or from nowhere.
      { headers: { "content-type": "application/json", "sec-fetch-site": "same-site" }, data: "{}", status: 403 },
      { headers: { "content-type": "application/json", origin: "http://evil.test" }, data: "{}", status: 403 },
      { headers: { "content-type": "application/json", origin: "null" }, data: "{}", status: 403 },
      { headers: { "content-type": "application/json" }, data: "{}", status: 403 },
    ];
    for (const { status, ...options } of attempts) {
      const res = await request.post(url, options);
      expect(res.status(), JSON.stringify(options.headers)).toBe(status);
      expect(await res.text()).not.toMatch(/stack|prisma|\.ts:/i);
    }
    expect(await emblem(request)).toBe(before);

    // The page's own JSON post still works.
    const removed = await admin.evaluate(
      async () =>
        (
          await fetch("/api/trpc/admin.settings.emblem.remove", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          })
        ).status,
    );
    expect(removed).toBe(200);
    expect(await emblem(request)).not.toBe(before);
    await admin.context().close();
  });
});

test.describe("portal form posts", () => {
  /** The no-JavaScript form of /lacak as the server rendered it: its hidden fields. */
  async function trackForm(page: Page): Promise<Record<string, string>> {
    await page.goto("/lacak");
    const fields = await page
      .locator("form input[type=hidden]")
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]));
    return Object.fromEntries(fields);
  }

  test("without Sec-Fetch-Site and Origin are judged by the rendered form's token", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const fields = await trackForm(await context.newPage());
    expect(fields.formToken).toMatch(/^[0-9a-z]+\.[\w-]{22}\.[\w-]{43}$/);
    const post = (extra: Record<string, string>, headers: Record<string, string> = {}) =>
      request.post("/lacak", {
        multipart: { ...fields, code: "ABCD-EFGH-JKLM-NPQR", ...extra },
        headers,
        maxRedirects: 0,
      });
    // The action ran: the code is judged (unknown or malformed), which a refused post never reaches.
    const unknownCode = "Kode tidak ";

    // Posted as the form was rendered, with neither header (an old browser): judged by its token.
    const good = await post({});
    expect(good.status()).toBe(200);
    expect(await good.text()).toContain(unknownCode);
    expect(await (await post({}, { origin: "null" })).text()).toContain(unknownCode);

    // Without a valid token, the same posts are refused, and the page says nothing internal.
    for (const [extra, headers] of [
      [{ formToken: "" }, {}],
      [{ formToken: "" }, { origin: "null" }],
      [{ formToken: fields.formToken!.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }, {}],
    ] as const) {
      const res = await post(extra, headers);
      expect(res.status()).toBeGreaterThanOrEqual(400);
      const text = await res.text();
      expect(text).not.toContain(unknownCode);
      expect(text).not.toMatch(/CrossSiteRequestError|refused|stack|\.ts:/);
    }
    // A foreign site is refused even with a good token; this site's own post needs none.
    expect(await (await post({}, { "sec-fetch-site": "cross-site" })).text()).not.toContain(unknownCode);
    expect(await (await post({ formToken: "" }, { "sec-fetch-site": "same-origin", origin: "null" })).text()).toContain(
      unknownCode,
    );
    await context.close();
  });
});

test.describe("refused and missing addresses", () => {
  for (const url of ["/verifikasi/%E0%A4%A", "/api/portal/letter/%E0", "/en/lapor/%ZZ"]) {
    test(`an unreadable address ${url} answers 400 with the security headers`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(400);
      expectSecurityHeaders(res.headers(), /default-src 'none'/);
      const body = await res.text();
      expect(body).toContain("Alamat halaman tidak valid.");
      expect(body).not.toMatch(/URIError|stack|\.js:/);
    });
  }

  test("a body over the limit answers 413 with a clear page", async ({ request }) => {
    const res = await request.post("/lapor", {
      data: Buffer.alloc(61 * 1024 * 1024, 0x61),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    expect(res.status()).toBe(413);
    expectSecurityHeaders(res.headers(), /default-src 'none'/);
    expect(await res.text()).toContain("Kiriman terlalu besar: lebih dari 60 MB.");
  });

  for (const url of ["/foo.txt", "/.env", "/lapor/index.php", "/en/robots.txt"]) {
    test(`a dotted path ${url} answers the localized 404 with the CSP and security headers`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(404);
      expectSecurityHeaders(res.headers(), /script-src 'self' 'nonce-/);
      expect(await res.text()).toContain(url.startsWith("/en") ? "Page not found." : "Halaman tidak ditemukan.");
    });
  }

  test("an unknown API path answers 404 with the security headers", async ({ request }) => {
    const res = await request.get("/api/tidak-ada");
    expect(res.status()).toBe(404);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers()[name]).toBe(value);
    expect(await res.text()).not.toMatch(/ style="/);
  });
});

test.describe("CSP without inline style attributes", () => {
  const PORTAL = ["/", "/en", "/lapor", "/en/lapor", "/lacak", "/statistik", "/staff/masuk", "/foo.txt"];
  const STAFF = ["/staff", "/staff/kasus", "/staff/kasus/baru", "/staff/agenda", "/staff/keamanan"];

  async function visit(page: Page, paths: string[]) {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()))
        violations.push(`${page.url()}: ${m.text()}`);
    });
    for (const p of paths) {
      const res = await page.goto(p);
      expect(res!.headers()["content-security-policy"]).not.toMatch(/style-src-attr|unsafe-inline/);
      expect(await res!.text(), p).not.toMatch(/<[^>]+\sstyle=/);
      await page.waitForLoadState("load");
    }
    expect(violations).toEqual([]);
  }

  test("portal pages render with no CSP violation and no style attribute", async ({ page }) => {
    await visit(page, PORTAL);
  });

  test("staff pages render with no CSP violation and no style attribute", async ({ browser }) => {
    test.setTimeout(180_000);
    const sekretariat = await staffPage(browser, "sekretariat");
    await visit(sekretariat, STAFF);
    const admin = await staffPage(browser, "admin");
    await visit(admin, ["/staff/admin", "/staff/admin/pengaturan", "/staff/admin/pengguna"]);
  });
});
