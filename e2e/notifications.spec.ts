/**
 * Notifications on the running app: Admin points Lentera at an SMTP server (a real one, in this
 * test process) and sends a test email; a report submitted on the portal reaches the
 * Sekretariat's mailbox within seconds, with nothing of the report in it; the Sekretariat's bell
 * counts it; recording the case tells Tim Telaah.
 */
import { expect, test, type Page } from "@playwright/test";
import { SmtpSink } from "../server/testing/smtp-sink.ts";
import { fillReport } from "./support/portal.ts";
import { openCaseByReference, recordCase, staffPage } from "./support/workflow.ts";

test.describe.configure({ timeout: 180_000 });

const sink = new SmtpSink();
test.beforeAll(async () => {
  await sink.start(0);
});
test.afterAll(async () => {
  await sink.stop();
});

async function setOwnEmail(page: Page, email: string) {
  await page.goto("/staff/notifikasi");
  await page.locator("#notify-email").fill(email);
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByText("Pengaturan notifikasi disimpan.")).toBeVisible();
}

test("a portal report emails the Sekretariat without its content, and recording it emails Tim Telaah", async ({
  browser,
}) => {
  // Admin: the email server, its own address, and a test email.
  const admin = await staffPage(browser, "admin");
  await setOwnEmail(admin, "admin@dinas.example");
  await admin.goto("/staff/admin/pengaturan");
  const section = admin.getByTestId("email-settings");
  await section.getByLabel("Kirim email notifikasi").check();
  await section.locator("#smtp-host").fill("127.0.0.1");
  await section.locator("#smtp-port").fill(String(sink.port));
  await section.locator("#smtp-tls").selectOption("none");
  await section.locator("#smtp-from").fill("wbs@dinas.example");
  await section.getByRole("button", { name: "Simpan pengaturan email" }).click();
  await expect(section.getByText("Pengaturan email disimpan.")).toBeVisible();
  // Admin sets the Sekretariat's address; Tim Telaah sets its own below.
  await section.getByLabel("Email Yuliana Sari, S.E.").fill("sekretariat@dinas.example");
  await section
    .getByLabel("Email Yuliana Sari, S.E.")
    .locator("xpath=ancestor::form")
    .getByRole("button", { name: "Simpan" })
    .click();
  await expect(section.getByText("Alamat email Yuliana Sari, S.E. disimpan.")).toBeVisible();
  await section.getByRole("button", { name: "Kirim email uji" }).click();
  await expect(section.getByText("Email uji terkirim ke admin@dinas.example.")).toBeVisible();
  await sink.waitFor((m) => m.to.includes("admin@dinas.example") && m.subject === "[Lentera] Email uji", 1, 10_000);

  const telaah = await staffPage(browser, "telaah");
  await setOwnEmail(telaah, "telaah@dinas.example");

  // A reporter submits on the portal.
  const reporter = await (
    await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.81" } })
  ).newPage();
  await reporter.goto("/lapor");
  await fillReport(reporter, "Petugas loket meminta uang pelicin sebesar Rp 3.500.000 untuk izin reklame.");
  await reporter.getByLabel(/itikad baik/).check();
  await reporter.getByRole("button", { name: "Kirim laporan" }).click();
  const reference = (await reporter.getByTestId("reference").innerText()).trim();
  const submittedAt = Date.now();

  // The Sekretariat's mailbox, within seconds.
  const [mail] = await sink.waitFor(
    (m) => m.to.includes("sekretariat@dinas.example") && m.subject.includes(reference),
    1,
    30_000,
  );
  expect(Date.now() - submittedAt).toBeLessThan(30_000);
  expect(mail!.subject).toBe(`[Lentera] ${reference}: Laporan baru menunggu dicatat`);
  expect(mail!.text).toMatch(/\/staff\/kasus\/[0-9a-f-]{36}/);
  for (const secret of [
    "pelicin",
    "3.500.000",
    "reklame",
    "Budi Santoso",
    "Petugas loket",
    "Mal Pelayanan",
    "Oktober 2026",
    "kuitansi",
    "ILLEGAL_LEVY",
    "Pungutan liar",
    "pungutan liar",
  ]) {
    expect(mail!.raw, secret).not.toContain(secret);
  }

  // The Sekretariat's bell counts it; the list links to the case.
  const sekretariat = await staffPage(browser, "sekretariat");
  await sekretariat.goto("/staff/kasus");
  await expect(sekretariat.getByTestId("notification-count")).toBeVisible();
  await sekretariat.getByTestId("notification-bell").click();
  await expect(sekretariat.getByTestId("notification-list")).toContainText(reference);
  await expect(sekretariat.getByTestId("notification").filter({ hasText: reference })).toHaveAttribute(
    "data-unread",
    "true",
  );

  // Recording hands the case to Tim Telaah, by email and in the app.
  const caseUrl = await openCaseByReference(sekretariat, reference);
  await recordCase(sekretariat, caseUrl, "Dugaan pungutan liar izin reklame");
  const [handover] = await sink.waitFor(
    (m) => m.to.includes("telaah@dinas.example") && m.subject.includes(reference),
    1,
    30_000,
  );
  expect(handover!.subject).toBe(`[Lentera] ${reference}: Kasus menunggu tindakan Anda`);
  expect(handover!.text).toContain("Langkah: 3 — Penelaahan");
  expect(handover!.raw).not.toContain("reklame");
  await telaah.goto("/staff/notifikasi");
  await expect(telaah.getByTestId("notification-list")).toContainText(reference);
  // Each message once: nothing arrived twice.
  const ids = sink.received.map((m) => m.headers["x-lentera-outbox-id"]).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
});
