/** Writes docs/screenshots/staff-*.png (see playwright.config.ts here). Not part of `npm test`. */
import { expect, test } from "@playwright/test";
import { fillReport } from "../../e2e/support/portal.ts";
import { holdMeeting, recordCase, reviewCase, staffPage } from "../../e2e/support/workflow.ts";

const OUT = "docs/screenshots";

test("staff workspace screenshots", async ({ browser }) => {
  test.setTimeout(180_000);
  const sekretariat = await staffPage(browser, "sekretariat");
  await sekretariat.setViewportSize({ width: 1280, height: 900 });
  const references: string[] = [];
  for (const [channel, what] of [
    ["PHONE", "Penelepon melaporkan permintaan imbalan untuk rekomendasi izin lokasi."],
    ["EMAIL", "Surel melaporkan pungutan di luar tarif resmi pada layanan izin reklame."],
    ["IN_PERSON", "Pelapor datang langsung: berkas izin ditahan sampai ada uang rokok."],
  ] as const) {
    await sekretariat.goto("/staff/kasus/baru");
    await sekretariat.locator("#intake-channel").selectOption(channel);
    await fillReport(sekretariat, what);
    await sekretariat.getByRole("button", { name: "Simpan laporan" }).click();
    references.push((await sekretariat.getByTestId("intake-reference").innerText()).trim());
  }
  await sekretariat.getByRole("link", { name: `Buka kasus ${references[2]}` }).click();
  await sekretariat.waitForURL(/\/staff\/kasus\/[0-9a-f-]{36}$/);
  const caseUrl = sekretariat.url();
  await recordCase(sekretariat, caseUrl, "Dugaan pungutan liar pada layanan izin");
  const telaah = await staffPage(browser, "telaah");
  await reviewCase(telaah, caseUrl, {
    decision: "forward",
    summary: "Laporan lengkap (4W+1H) dan termasuk lingkup WBS.",
  });
  const kadis = await staffPage(browser, "kadis");
  await kadis.setViewportSize({ width: 1280, height: 900 });
  await holdMeeting(kadis, caseUrl, {
    agenda: "Pembahasan laporan.",
    discussion: "Tim memaparkan hasil telaah.",
    resolution: "Pemeriksaan oleh atasan langsung.",
  });
  await kadis.goto(caseUrl);
  await expect(kadis.getByTestId("action-berita-acara").or(kadis.getByTestId("action-outcome"))).toBeVisible();
  await kadis.screenshot({ path: `${OUT}/staff-case-page.png`, fullPage: true });

  // staff-queue.png is taken with the sample office year (demo-screenshots.spec.ts).
  await sekretariat.goto("/staff/kasus/baru");
  await sekretariat.screenshot({ path: `${OUT}/staff-intake.png`, fullPage: true });
});
