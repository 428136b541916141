/**
 * PostgreSQL going away under the built server and coming back, without a restart. The spec
 * starts its own `next start` on a scratch PostgreSQL database reached through a TCP proxy it
 * can cut (server/testing/pausable-tcp-proxy.ts); the shared e2e server runs on PGlite.
 * While cut: pages answer 503 with Retry-After, the security headers and a clear page in the
 * visitor's language; a report sent with or without JavaScript comes back 503 with what was
 * typed; a signed-in staff member sees the outage page, not the sign-in page. Restored: the
 * same report goes through. The server logs one line each way and no stack.
 * Needs TEST_DATABASE_URL (a PostgreSQL server to make the scratch database on).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createScratchDatabase, type ScratchDatabase } from "../server/testing/scratch-database.ts";
import { startPausableTcpProxy, type PausableTcpProxy } from "../server/testing/pausable-tcp-proxy.ts";
import { loadEnv } from "../server/env.ts";
import { openDb } from "../server/db.ts";
import { hashPassword } from "../server/domain/password.ts";
import { DEMO_ACCOUNTS, seedDemo } from "../prisma/seed-data.ts";
import { nextStartArgs, PRODUCTION_ENV } from "../server/production-start.ts";
import { E2E_STAFF_PASSWORD } from "./support/constants.ts";
import { fillReport } from "./support/portal.ts";
import { signInAs } from "./support/staff.ts";

const serverUrl = process.env.TEST_DATABASE_URL?.trim();
/** An account of this spec's own database: the shared helper's enrolment of the demo accounts stays untouched. */
const CLERK = "sekretariat-gangguan";
const WHAT = "Uang pelicin Rp 750.000 diminta di loket B, tetap tersimpan saat basis data mati.";

test.describe.configure({ mode: "serial" });
test.skip(!serverUrl, "needs TEST_DATABASE_URL");

let scratch: ScratchDatabase;
let proxy: PausableTcpProxy;
let server: ChildProcess;
let base: string;
const logs: string[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitFor(url: string, status: number, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const answer = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (answer === status) return;
    if (Date.now() > end) throw new Error(`${url} answered ${answer}, not ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  scratch = await createScratchDatabase(serverUrl!, "lentera_outage");
  const direct = new URL(scratch.url);
  proxy = await startPausableTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(scratch.url);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    ...PRODUCTION_ENV,
    DATABASE_URL: proxied.toString(),
    NEXTAUTH_URL: base,
    LENTERA_TRUSTED_PROXIES: "127.0.0.1",
    LENTERA_MASTER_KEY: randomBytes(32).toString("base64"),
    LENTERA_TRACKING_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  // Migrate, record the secrets' check values and seed, directly (not through the proxy).
  const config = loadEnv({ ...env, DATABASE_URL: scratch.url });
  const handle = await openDb(config.database, { secrets: config });
  await seedDemo(handle.db, { log: () => {}, password: () => E2E_STAFF_PASSWORD });
  const clerk = DEMO_ACCOUNTS.find((a) => a.username === "sekretariat")!;
  await handle.db.staffUser.create({
    data: {
      ...clerk,
      username: CLERK,
      nip: null,
      roles: [...clerk.roles],
      passwordHash: await hashPassword(E2E_STAFF_PASSWORD),
    },
  });
  await handle.close();

  server = spawn(process.execPath, nextStartArgs(port, "127.0.0.1"), {
    env: env as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [server.stdout!, server.stderr!])
    stream.on("data", (chunk: Buffer) => logs.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  await waitFor(`${base}/`, 200, 120_000);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await proxy?.close();
  await scratch?.drop().catch(() => {});
});

async function client(browser: Browser, js: boolean, n: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    javaScriptEnabled: js,
    extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${n}` },
  });
  return { context, page: await context.newPage() };
}

async function sendReport(page: Page) {
  await fillReport(page, WHAT);
  await page.getByLabel(/itikad baik/).check();
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/lapor");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  return posted;
}

async function expectTypedValuesKept(page: Page) {
  await expect(page.getByTestId("outage-notice")).toContainText("BELUM tersimpan");
  await expect(page.getByTestId("outage-notice")).toContainText("berkas perlu dipilih lagi");
  await expect(page.locator("#what")).toHaveValue(WHAT);
  await expect(page.locator("#category")).toHaveValue("ILLEGAL_LEVY");
  await expect(page.locator("#personName-0")).toHaveValue("Budi Santoso");
  await expect(page.locator("#where")).toHaveValue("Mal Pelayanan Publik Nanga Bulik");
}

test("an outage answers 503 with the typed report kept, staff stay signed in, and it recovers without a restart", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // Staff sign in while the database is up.
  const staff = await client(browser, true, 50);
  await signInAs(staff.page, CLERK);
  await staff.page.goto("/staff/kasus/baru");
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText("Laporan offline baru");

  const noJs = await client(browser, false, 51);
  const withJs = await client(browser, true, 52);
  await noJs.page.goto("/lapor");
  await withJs.page.goto("/lapor");

  await proxy.cut();

  // Without JavaScript: a plain form post.
  const plain = await sendReport(noJs.page);
  expect(plain.status()).toBe(503);
  expect(plain.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(plain.headers()["content-security-policy"]).toContain("default-src");
  expect(plain.headers()["x-content-type-options"]).toBe("nosniff");
  await expectTypedValuesKept(noJs.page);

  // With JavaScript: the server action answers 503 too, and the form keeps what was typed.
  const action = await sendReport(withJs.page);
  expect(action.status()).toBe(503);
  await expectTypedValuesKept(withJs.page);

  // The home page was rendered before the cut (the start-up probe asked for it): the page cache
  // still serves it. Pages not cached yet: 503, the clear page in the visitor's language, with
  // the security headers.
  const home = await noJs.page.goto("/");
  expect(home!.status()).toBe(200);
  await expect(noJs.page.getByRole("heading", { level: 1 })).toContainText("Laporkan pelanggaran dengan aman");
  const track = await noJs.page.goto("/statistik");
  expect(track!.status()).toBe(503);
  expect(track!.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(track!.headers()["content-security-policy"]).toContain("default-src");
  await expect(noJs.page.getByRole("heading", { level: 1 })).toHaveText("Layanan sedang tidak tersedia");
  const english = await noJs.page.goto("/en");
  expect(english!.status()).toBe(503);
  await expect(noJs.page.getByRole("heading", { level: 1 })).toHaveText("The service is temporarily unavailable");

  // Staff: the outage page, not the sign-in page; the session cookie is kept.
  const workspace = await staff.page.goto("/staff");
  expect(workspace!.status()).toBe(503);
  expect(new URL(staff.page.url()).pathname).toBe("/staff");
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText("Layanan sedang tidak tersedia");
  const session = await staff.page.request.get("/api/auth/session");
  expect(session.status()).toBe(503);
  expect(session.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");
  const intake = await staff.page.goto("/staff/kasus/baru");
  expect(intake!.status()).toBe(503);
  expect(new URL(staff.page.url()).pathname).toBe("/staff/kasus/baru");

  await proxy.restore();
  await waitFor(`${base}/`, 200, 30_000);

  // The same forms, sent again, go through (the no-JS one is already filled in).
  const sentPlain = noJs.page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/lapor",
  );
  await noJs.page.goto("/lapor");
  await fillReport(noJs.page, WHAT);
  await noJs.page.getByLabel(/itikad baik/).check();
  await noJs.page.getByRole("button", { name: "Kirim laporan" }).click();
  expect((await sentPlain).status()).toBe(200);
  await expect(noJs.page.getByRole("heading", { name: "Laporan Anda telah diterima" })).toBeVisible();

  const again = withJs.page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/lapor",
  );
  await withJs.page.getByRole("button", { name: "Kirim laporan" }).click();
  expect((await again).status()).toBe(200);
  await expect(withJs.page.getByRole("heading", { name: "Laporan Anda telah diterima" })).toBeVisible();

  // Staff are still signed in.
  await staff.page.goto("/staff/kasus/baru");
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText("Laporan offline baru");

  // One line when it went, one when it came back, no stack traces.
  expect(logs.filter((l) => l.includes("database unavailable"))).toHaveLength(1);
  expect(logs.filter((l) => l.includes("database available again"))).toHaveLength(1);
  expect(logs.find((l) => /database unavailable/.test(l))).toMatch(
    /\(PostgreSQL\): (ECONNREFUSED 127\.0\.0\.1:\d+|Connection terminated unexpectedly|ECONNRESET.*);/,
  );
  expect(logs.filter((l) => /^\s+at /.test(l))).toEqual([]);

  for (const c of [staff, noJs, withJs]) await c.context.close();
});
