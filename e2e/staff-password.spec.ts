/**
 * An account made by Admin starts with a password the Admin saw: after enrolling the second
 * factor (which continues into the same session), that session can do nothing but change the
 * password, then signs in again.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/portal.ts";
import { completeEnrolment, nextCode, submitCode, submitPassword } from "./support/staff.ts";
import { staffPage } from "./support/workflow.ts";

test("a new account changes the password Admin gave it before it can work", async ({ browser }) => {
  const admin = await staffPage(browser, "admin");
  await admin.goto("/staff/admin/pengguna");
  await admin.getByRole("button", { name: "Tambah pengguna" }).click();
  await admin.locator("#new-user-username").fill("staf.uji");
  await admin.locator("#new-user-name").fill("Staf Uji, S.E.");
  await admin.locator("#new-user-position").fill("Analis Pengaduan");
  await admin.getByRole("checkbox", { name: "Sekretariat", exact: true }).check();
  await admin.getByRole("button", { name: "Buat akun" }).click();
  const given = (await admin.locator("section[aria-labelledby=one-password-title] p.font-mono").innerText()).trim();
  expect(given.length).toBeGreaterThanOrEqual(12);

  const page = await (await browser.newContext()).newPage();
  expect(await submitPassword(page, "staf.uji", given)).toBe("enrol");
  // The activation continues into this session, which can only change the password.
  await completeEnrolment(page, "staf.uji");
  await expect(page).toHaveURL(/\/staff\/kata-sandi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ganti kata sandi");
  await expectNoAxeViolations(page);
  // Nothing else opens until the password is changed.
  await page.goto("/staff/kasus");
  await expect(page).toHaveURL(/\/staff\/kata-sandi$/);

  const fresh = "Sandi-Milik-Sendiri-2026";
  await page.locator("#password-current").fill("bukan-kata-sandinya");
  await page.locator("#password-next").fill(fresh);
  await page.locator("#password-repeat").fill(fresh);
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.locator("#password-current-error")).toHaveText("Kata sandi sekarang salah.");
  await page.locator("#password-current").fill(given);
  await page.locator("#password-repeat").fill("Sandi-Lain-2026-xx");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.locator("#password-repeat-error")).toHaveText("Ulangan tidak sama dengan kata sandi baru.");
  await page.locator("#password-repeat").fill(fresh);
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByRole("status")).toContainText("Kata sandi telah diganti.");
  await page.getByRole("button", { name: "Masuk kembali" }).click();
  await expect(page).toHaveURL(/\/staff\/masuk$/);

  // The password Admin saw no longer works; the new one does, straight into the workspace.
  await expect(submitPassword(page, "staf.uji", given)).rejects.toThrow(/salah/);
  expect(await submitPassword(page, "staf.uji", fresh)).toBe("code");
  await submitCode(page, "staf.uji", await nextCode("staf.uji"));
  await expect(page.getByRole("heading", { name: "Ruang kerja" })).toBeVisible();
  await page.goto("/staff/kasus");
  await expect(page.getByTestId("queue-count")).toBeVisible();
});
