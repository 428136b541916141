/**
 * The SOP steps as a member of staff does them on the case page (/staff/kasus/<id>), one
 * function per action form, each waiting until the case shows its new status. Indonesian UI.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./staff.ts";

/** The status labels of the staff workspace (i18n/messages/cases/id.json, workspace.status). */
export const STAFF_STATUS = {
  SUBMITTED: "Diterima, belum dicatat",
  RECORDED: "Dicatat, menunggu telaah",
  AWAITING_INFO: "Menunggu jawaban pelapor",
  REVIEWED: "Ditelaah, menunggu rapat",
  IN_MEETING: "Rapat pembahasan",
  MINUTED: "Berita Acara disetujui, menyiapkan tanggapan",
  RESPONDED: "Tanggapan dikirim",
  RESPONSE_RECEIVED: "Tanggapan diterima pelapor",
  ARCHIVED: "Diarsipkan",
} as const;
type Status = keyof typeof STAFF_STATUS;

/** A browser context of its own per member of staff, signed in once with password and TOTP. */
export async function staffPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

/** Finds the case by its reference in the "all cases" queue and opens it; returns its URL. */
export async function openCaseByReference(page: Page, reference: string): Promise<string> {
  await page.goto("/staff/kasus?tab=all");
  await expect(page.getByTestId("queue-table")).toBeVisible();
  await page.getByRole("link", { name: reference, exact: true }).click();
  await page.waitForURL(/\/staff\/kasus\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  return page.url();
}

/** The result message of the action panel (the previous one is replaced, never kept). */
async function expectNotice(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId("action-notice")).toContainText(text);
}

/** (Re)loads the case page: what others did since this page was loaded shows only then. */
async function open(page: Page, caseUrl: string): Promise<void> {
  await page.goto(caseUrl);
  await expect(page.getByTestId("case-status")).toBeVisible();
}

/** Clicks `button` in the action form with test id `action-<form>` and waits for `status`. */
async function submit(page: Page, form: string, button: string, status: Status): Promise<void> {
  await page.getByTestId(`action-${form}`).getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText(STAFF_STATUS[status]);
}

export async function expectStatus(page: Page, caseUrl: string, status: Status): Promise<void> {
  await open(page, caseUrl);
  await expect(page.getByTestId("case-status")).toHaveText(STAFF_STATUS[status]);
}

/** Step 2 (Sekretariat). */
export async function recordCase(page: Page, caseUrl: string, subject: string): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#record-subject").fill(subject);
  await submit(page, "record", "Catat laporan", "RECORDED");
}

type Review = { summary: string } & ({ decision: "forward" } | { decision: "request-info"; question: string });

/** Step 3 (Tim Telaah): forward to the meeting, or ask the reporter for more. */
export async function reviewCase(page: Page, caseUrl: string, review: Review): Promise<void> {
  await open(page, caseUrl);
  const complete = review.decision === "forward";
  for (const id of [
    "review-in-scope",
    "review-element-what",
    "review-element-who",
    "review-element-where",
    "review-element-how",
  ])
    await page.locator(`#${id}`).check();
  if (complete) {
    await page.locator("#review-complete").check();
    await page.locator("#review-element-when").check();
  }
  await page.locator("#review-summary").fill(review.summary);
  await page.locator(`#review-decision-${review.decision}`).check();
  if (review.decision === "request-info") await page.locator("#review-question").fill(review.question);
  await submit(page, "review", "Simpan telaah", complete ? "REVIEWED" : "AWAITING_INFO");
}

/** Step 4 (Kepala Dinas): convene (staff attendees preselected by the form) and record the outcome. */
export async function holdMeeting(
  page: Page,
  caseUrl: string,
  texts: { agenda: string; discussion: string; resolution: string },
): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#convene-agenda").fill(texts.agenda);
  await expect(page.locator("input[id^=convene-staff-]:checked")).toHaveCount(3); // chair, Tim Telaah, Tim Audit
  await submit(page, "convene", "Jadwalkan rapat", "IN_MEETING");
  await page.locator("#outcome-discussion").fill(texts.discussion);
  await page.locator("#outcome-resolution").fill(texts.resolution);
  await page.getByTestId("action-outcome").getByRole("button", { name: "Simpan hasil rapat" }).click();
  await expectNotice(page, "Hasil rapat disimpan.");
}

/** Step 5 (Tim Audit): the Berita Acara draft, sent to the Kepala Dinas. */
export async function draftBeritaAcara(
  page: Page,
  caseUrl: string,
  texts: { considerations: string; decisions: string },
): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#berita-acara-considerations").fill(texts.considerations);
  await page.locator("#berita-acara-decisions").fill(texts.decisions);
  await page.getByTestId("action-berita-acara").getByRole("button", { name: "Kirim kepada Kepala Dinas" }).click();
  await expectNotice(page, "Draf dikirim kepada Kepala Dinas.");
  await expect(page.getByTestId("action-berita-acara")).toHaveCount(0);
}

/** Kepala Dinas approves the draft waiting for them (Berita Acara or Tanggapan). */
export async function approveDraft(page: Page, caseUrl: string, which: "BeritaAcara" | "Tanggapan"): Promise<void> {
  await open(page, caseUrl);
  if (which === "BeritaAcara") return submit(page, "decide-berita-acara", "Setujui", "MINUTED");
  const card = page.getByTestId("action-decide-tanggapan");
  // The form's own check: a return without a note is not posted, and says what is missing.
  await card.getByRole("button", { name: "Kembalikan dengan catatan" }).click();
  await expect(card.getByRole("alert")).toHaveText(/Isi catatan pengembalian/);
  await expect(page.getByText("Draf dikembalikan kepada penyusun.")).toHaveCount(0);
  await card.getByRole("button", { name: "Setujui", exact: true }).click();
  await expectNotice(page, "Draf disetujui.");
  await expect(page.getByTestId("action-decide-tanggapan")).toHaveCount(0);
}

/** Step 6 (Sekretariat): the Tanggapan draft, sent to the Kepala Dinas. */
export async function draftTanggapan(page: Page, caseUrl: string, body: string): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#tanggapan-body").fill(body);
  await page.getByTestId("action-tanggapan").getByRole("button", { name: "Kirim kepada Kepala Dinas" }).click();
  await expectNotice(page, "Draf dikirim kepada Kepala Dinas.");
  await expect(page.getByTestId("action-tanggapan")).toHaveCount(0);
}

/** Step 6 (Sekretariat): the approved Tanggapan goes out. */
export async function sendTanggapan(
  page: Page,
  caseUrl: string,
  method: "portal" | "email" | "post" | "in-person",
): Promise<void> {
  await open(page, caseUrl);
  await page.locator(`#send-method-${method}`).check();
  await submit(page, "send", "Kirim tanggapan", "RESPONDED");
}

/** Step 7 for a response sent outside the portal (Sekretariat records the receipt). */
export async function recordDelivery(page: Page, caseUrl: string, note: string): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#delivery-note").fill(note);
  await submit(page, "delivery", "Catat penerimaan", "RESPONSE_RECEIVED");
}

/** Step 8 (Sekretariat). */
export async function archiveCase(page: Page, caseUrl: string, note: string): Promise<void> {
  await open(page, caseUrl);
  await page.locator("#archive-note").fill(note);
  await submit(page, "archive", "Arsipkan kasus", "ARCHIVED");
}
