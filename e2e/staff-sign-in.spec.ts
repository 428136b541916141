import { expect, test } from "@playwright/test";
import { E2E_STAFF_PASSWORD } from "./support/constants.ts";

test.describe("staff sign-in", () => {
  test("the workspace leads to the sign-in page", async ({ page }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/masuk$/);
    await expect(page.getByRole("heading", { name: "Masuk petugas" })).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/staff/masuk");
    await page.getByLabel("Nama pengguna atau NIP").fill("sekretariat");
    await page.getByLabel("Kata sandi").fill("salah-sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByText("Nama pengguna atau kata sandi salah.")).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/masuk$/);
  });

  test("the Kepala Dinas signs in by NIP, sees the workspace and signs out", async ({ page }) => {
    await page.goto("/staff/masuk");
    await page.getByLabel("Nama pengguna atau NIP").fill("19790402 200502 1 004");
    await page.getByLabel("Kata sandi").fill(E2E_STAFF_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("heading", { name: "Ruang kerja" })).toBeVisible();
    await expect(page.getByText("Kepala Dinas", { exact: false }).first()).toBeVisible();
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/staff\/masuk$/);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/masuk$/);
  });

  test("the English sign-in page", async ({ page }) => {
    await page.goto("/en/staff/masuk");
    await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
    await expect(page.getByLabel("Username or NIP")).toBeVisible();
  });
});
