/**
 * A case goes through the eight SOP steps, each step done by its role
 * signed in with password and TOTP (each member of staff in a browser of their own), with one
 * request for more information answered by the reporter; and an offline report entered by the
 * Sekretariat, answered by post. Each step's letter is downloaded and read (pdftotext,
 * qpdf, pdffonts); the reporter downloads the Tanggapan and nothing else; /verifikasi confirms it.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { downloadLetter, downloadStaffLetter, expectVerified } from "./support/letters.ts";
import { fillReport } from "./support/portal.ts";
import {
  approveDraft,
  archiveCase,
  draftBeritaAcara,
  draftTanggapan,
  expectStatus,
  holdMeeting,
  openCaseByReference,
  recordCase,
  recordDelivery,
  reviewCase,
  sendTanggapan,
  staffPage,
} from "./support/workflow.ts";

// Eight steps by four people, each signing in once: longer than the default minute.
test.describe.configure({ timeout: 240_000 });

/** A reporter's browser with JavaScript off (Tor Browser "Safest"), from an address of its own. */
async function reporterPage(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
  return context.newPage();
}

async function openTrackedCase(page: Page, code: string): Promise<void> {
  await page.goto("/lacak");
  await page.locator("#code").fill(code);
  await page.getByRole("button", { name: "Buka laporan" }).click();
  await expect(page).toHaveURL(/\/lacak\/kasus$/);
}

const MEETING = {
  agenda: "Pembahasan dugaan pungutan liar di loket perizinan.",
  discussion: "Tim Telaah memaparkan hasil telaah; Tim Audit memeriksa catatan loket.",
  resolution: "Petugas yang dilaporkan diperiksa oleh atasannya; loket memasang papan tarif resmi.",
};
const BERITA_ACARA = {
  considerations: "Keterangan pelapor cukup dan konsisten.",
  decisions: "Merekomendasikan pemeriksaan disiplin dan perbaikan layanan loket.",
};

test("a portal report goes through the eight steps, with one request for information answered by the reporter", async ({
  browser,
}) => {
  // Step 1: the reporter reports on the portal without JavaScript.
  const reporter = await reporterPage(browser, "198.51.100.61");
  await reporter.goto("/lapor");
  await fillReport(reporter, "Petugas loket meminta uang pelicin agar izin usaha terbit dalam sehari.");
  await reporter.getByLabel(/itikad baik/).check();
  await reporter.getByRole("button", { name: "Kirim laporan" }).click();
  const code = (await reporter.getByTestId("tracking-code").innerText()).trim();
  const reference = (await reporter.getByTestId("reference").innerText()).trim();

  // Step 2: the Sekretariat records it in the Buku Agenda Permohonan.
  const sekretariat = await staffPage(browser, "sekretariat");
  const caseUrl = await openCaseByReference(sekretariat, reference);
  await recordCase(sekretariat, caseUrl, "Dugaan pungutan liar di loket perizinan");
  await expect(sekretariat.getByTestId("action-notice")).toContainText("nomor agenda");

  // Step 3, first pass: Tim Telaah asks the reporter for the date.
  const telaah = await staffPage(browser, "telaah");
  const question = "Kapan tepatnya Anda diminta membayar, dan berapa kali?";
  await reviewCase(telaah, caseUrl, { decision: "request-info", summary: "Waktu kejadian belum jelas.", question });

  // The reporter sees the question in the thread and answers it; the case goes back to Tim Telaah.
  await openTrackedCase(reporter, code);
  await expect(reporter.getByTestId("messages")).toContainText(question);
  const answer = "Pada 14 Oktober 2026 pukul 10.00, satu kali, sebesar Rp 2.000.000.";
  await reporter.locator("#body").fill(answer);
  await reporter.getByRole("button", { name: "Kirim pesan" }).click();
  await expect(reporter.getByTestId("messages")).toContainText(answer);
  await expectStatus(telaah, caseUrl, "RECORDED");
  await expect(telaah.getByTestId("thread")).toContainText(answer);

  // Step 3: the review is complete and goes to the meeting.
  await reviewCase(telaah, caseUrl, {
    decision: "forward",
    summary: "Laporan lengkap (4W+1H) dan termasuk lingkup WBS.",
  });

  // Step 4: the Kepala Dinas convenes the meeting and records its outcome.
  const kadis = await staffPage(browser, "kadis");
  await holdMeeting(kadis, caseUrl, MEETING);

  // Step 5: Tim Audit drafts the Berita Acara; the Kepala Dinas approves it.
  const audit = await staffPage(browser, "audit");
  await draftBeritaAcara(audit, caseUrl, BERITA_ACARA);
  await approveDraft(kadis, caseUrl, "BeritaAcara");

  // Step 6: the Sekretariat drafts the Tanggapan, the Kepala Dinas approves it, it goes out on the portal.
  const response =
    "Terima kasih atas laporan Anda. Petugas yang dilaporkan telah diperiksa dan loket kini memasang papan tarif resmi.";
  await draftTanggapan(sekretariat, caseUrl, response);
  await approveDraft(kadis, caseUrl, "Tanggapan");
  await sendTanggapan(sekretariat, caseUrl, "portal");

  // Step 7: the reporter reads the response, downloads the signed letter, and acknowledges it.
  await openTrackedCase(reporter, code);
  await expect(reporter.getByTestId("response-body")).toContainText(response);
  const ownLetter = await downloadLetter(reporter, reporter.getByTestId("response-letter"));
  expect(ownLetter.fileName).toMatch(/^tanggapan-pengaduan-wbs-.*\.pdf$/);
  expect(ownLetter.text).toContain(response);
  expect(ownLetter.text).toContain(`dengan nomor referensi ${reference}`);
  await reporter.getByRole("button", { name: "Saya telah menerima tanggapan" }).click();
  await expect(reporter.getByRole("button", { name: "Saya telah menerima tanggapan" })).toHaveCount(0);
  await expectStatus(sekretariat, caseUrl, "RESPONSE_RECEIVED");

  // Step 8: the Sekretariat archives the case.
  await archiveCase(sekretariat, caseUrl, "Selesai; tanggapan diterima pelapor.");

  // Every letter of the case, as the Sekretariat downloads it from the case page.
  await sekretariat.goto(caseUrl);
  const catatan = await downloadStaffLetter(sekretariat, caseUrl, "CATATAN_PENGADUAN");
  expect(catatan.text).toContain("CATATAN PENGADUAN WBS");
  expect(catatan.text).toContain("Petugas loket meminta uang pelicin agar izin usaha terbit dalam sehari.");
  const surat = await downloadStaffLetter(sekretariat, caseUrl, "SURAT_PENGADUAN");
  expect(surat.text).toContain("NOTA DINAS");
  expect(surat.text).toContain("Laporan lengkap (4W+1H) dan termasuk lingkup WBS.");
  const beritaAcara = await downloadStaffLetter(sekretariat, caseUrl, "BERITA_ACARA");
  expect(beritaAcara.text).toMatch(
    /Pada hari ini (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) tanggal [a-z ]+ bulan [A-Z][a-z]+ tahun dua ribu [a-z ]+,/,
  );
  expect(beritaAcara.text).toContain(BERITA_ACARA.decisions);
  const tanggapan = await downloadStaffLetter(sekretariat, caseUrl, "TANGGAPAN");
  expect(tanggapan.bytes.equals(ownLetter.bytes)).toBe(true);
  const dossier = await downloadStaffLetter(sekretariat, caseUrl, "DOSSIER");
  expect(dossier.text).toContain(`DOKUMEN PENGELOLAAN WBS`);
  expect(dossier.text).toContain(reference);
  for (const letter of [catatan, surat, beritaAcara, tanggapan])
    expect(dossier.text).toContain(letter.verificationCode!);

  // The reporter gets no other letter of their case: the Catatan's link answers "not found".
  const catatanHref = await sekretariat
    .getByTestId("letters")
    .locator('li[data-letter-type="CATATAN_PENGADUAN"] a')
    .getAttribute("href");
  const foreign = await reporter.context().request.get(catatanHref!.replace("/api/staff/", "/api/portal/"));
  expect(foreign.status()).toBe(404);

  // The public verification page confirms the Tanggapan by the code printed on it.
  await expectVerified(reporter, tanggapan.verificationCode!, {
    title: "Tanggapan Pengaduan WBS",
    number: /Nomor: (\S+)|Nomor : (\S+)/.exec(tanggapan.text)?.slice(1).find(Boolean),
  });
  await reporter.goto("/verifikasi/0000-0000-0000");
  await expect(reporter.getByTestId("verify-unknown")).toContainText("tidak dikenal");

  // Every step is on the reporter's timeline, and no step is left for anyone. Only the exclusion
  // stays with those who may exclude: an archived case must still not be read by a conflicted member.
  await openTrackedCase(reporter, code);
  await expect(reporter.getByTestId("case-status")).toHaveText("Selesai dan diarsipkan");
  for (const page of [sekretariat, telaah, kadis, audit]) {
    await page.goto(caseUrl);
    await expect(page.getByTestId("case-status")).toHaveText("Diarsipkan");
    if (page === telaah || page === kadis) {
      const actions = page.getByRole("region", { name: "Tindakan", exact: true });
      await expect(actions.getByRole("region")).toHaveCount(1);
      await expect(actions.getByRole("region", { name: "Kecualikan petugas (benturan kepentingan)" })).toBeVisible();
    } else {
      await expect(page.getByText("Tidak ada tindakan untuk Anda pada tahap ini.")).toBeVisible();
    }
  }
});

test("an offline report entered by the Sekretariat is handled to the end and answered by post", async ({ browser }) => {
  const sekretariat = await staffPage(browser, "sekretariat");
  await sekretariat.goto("/staff/kasus/baru");
  await sekretariat.locator("#intake-channel").selectOption("PHONE");
  await fillReport(sekretariat, "Penelepon melaporkan permintaan imbalan untuk rekomendasi izin lokasi.");
  // A confidential identity: the Tanggapan going by post may then carry the reporter's name.
  await sekretariat.locator("#identity-confidential").check();
  await sekretariat.locator("#identityName").fill("Siti Rahmawati");
  await sekretariat.locator("#identityContact").fill("Jl. Tjilik Riwut No. 5, Nanga Bulik");
  await sekretariat.locator("#wantsTrackingCode").check();
  await sekretariat.getByRole("button", { name: "Simpan laporan" }).click();
  const reference = (await sekretariat.getByTestId("intake-reference").innerText()).trim();
  const code = (await sekretariat.getByTestId("intake-tracking-code").innerText()).trim();
  expect(reference).toMatch(/^WBS-\d{4}-\d{4}$/);
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  await sekretariat.getByRole("link", { name: `Buka kasus ${reference}` }).click();
  await sekretariat.waitForURL(/\/staff\/kasus\/[0-9a-f-]{36}$/);
  const caseUrl = sekretariat.url();
  await expect(sekretariat.getByTestId("case-status")).toHaveText("Diterima, belum dicatat");

  // The code the Sekretariat passes on by phone opens the case on the portal.
  const reporter = await reporterPage(browser, "198.51.100.62");
  await openTrackedCase(reporter, code);
  await expect(reporter.getByRole("heading", { level: 1 })).toHaveText(`Laporan ${reference}`);

  await recordCase(sekretariat, caseUrl, "Dugaan permintaan imbalan rekomendasi izin lokasi");
  const telaah = await staffPage(browser, "telaah");
  await reviewCase(telaah, caseUrl, {
    decision: "forward",
    summary: "Laporan telepon lengkap dan termasuk lingkup WBS.",
  });
  const kadis = await staffPage(browser, "kadis");
  await holdMeeting(kadis, caseUrl, MEETING);
  const audit = await staffPage(browser, "audit");
  await draftBeritaAcara(audit, caseUrl, BERITA_ACARA);
  await approveDraft(kadis, caseUrl, "BeritaAcara");
  await draftTanggapan(
    sekretariat,
    caseUrl,
    "Laporan Anda telah ditindaklanjuti; hasilnya kami sampaikan melalui surat ini.",
  );
  await approveDraft(kadis, caseUrl, "Tanggapan");
  await sendTanggapan(sekretariat, caseUrl, "post");
  const posted = await downloadStaffLetter(sekretariat, caseUrl, "TANGGAPAN");
  expect(posted.text).toContain("Kepada Yth. Sdr. Siti Rahmawati di tempat");
  expect(posted.text).not.toContain("Pelapor pengaduan WBS");
  await recordDelivery(sekretariat, caseUrl, "Tanda terima pos ditandatangani pelapor pada 2 Desember 2026.");
  await archiveCase(sekretariat, caseUrl, "Selesai.");

  // The Kepala Dinas corrects the Tanggapan: a new letter naming the old one; the old one is marked replaced.
  await kadis.goto(caseUrl);
  const item = kadis.getByTestId("letters").locator('li[data-letter-type="TANGGAPAN"]');
  const oldNumber = /Nomor (\S+)/.exec(await item.innerText())?.[1];
  await item.getByText("Perbaiki surat ini…").click();
  await item.getByLabel("Alasan perbaikan").fill("Tanggal surat keliru.");
  await item.getByRole("button", { name: "Terbitkan surat perbaikan" }).click();
  await expect(kadis.getByRole("status").filter({ hasText: /Surat perbaikan Nomor \S+ telah terbit\./ })).toBeVisible();
  await expect(item.first()).toContainText("Telah diganti oleh surat perbaikan");
  const corrected = await downloadStaffLetter(kadis, caseUrl, "TANGGAPAN");
  expect(corrected.text).toContain(`menggantikan surat Nomor ${oldNumber}`);
  expect(corrected.text).toContain("Kepada Yth. Sdr. Siti Rahmawati di tempat");
});
