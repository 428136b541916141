/**
 * Staff sign-in for Playwright journeys, through the real UI: password, then a TOTP code
 * computed here with the app's own TOTP module. An account that has no second factor yet
 * (first sign-in of the run, or reset by Admin) is enrolled on the way: the secret shown on
 * the enrolment page and the ten backup codes are remembered per username.
 *
 *   await signInAs(page, "kadis");   // lands on the workspace (whatever /staff shows)
 *   await signOut(page);             // session cleared, on /staff/masuk
 *
 * Replay guard: the server refuses a time step at or before the last one it accepted for the
 * account, and accepts one step either side of the current one. So the helper uses the lowest
 * step that is still fresh and will still be inside the server's window a few seconds later;
 * when every such step is spent (more than two sign-ins of one account within ~30 s) it uses
 * a backup code, and when those are gone it waits for the next step.
 *
 * State lives in a module-level Map and, because Playwright restarts its worker process after a
 * failed test, also in a small file in the temp directory keyed by the Playwright runner
 * process, so it lasts exactly one `npx playwright test` run (the e2e server's database is
 * fresh for every run). Assumes one worker (playwright.config.ts: workers: 1).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { base32Decode, stepStartsAt, timeStep, totpForStep } from "../../server/domain/totp.ts";
import { E2E_STAFF_PASSWORD } from "./constants.ts";

/** Demo accounts seeded into the e2e database (prisma/seed-data.ts), all with E2E_STAFF_PASSWORD. */
export const DEMO_USERNAMES = ["kadis", "sekretariat", "telaah", "audit", "admin", "pengawas"] as const;

export interface Enrolment {
  /** Base32 TOTP secret as shown on the enrolment page. */
  secret: string;
  /** Last time step this helper used (the server refuses it and every earlier one). */
  lastStep: number;
  /** Backup codes not used yet. */
  backupCodes: string[];
}

const enrolments = new Map<string, Enrolment>();

/** A code must still be inside the server's ±1 step window this long after it is computed. */
const SAFETY_MS = 10_000;
/** Waiting longer than this for a fresh step spends a backup code instead. */
const MAX_WAIT_WITHOUT_BACKUP_MS = 2_000;
const STEP_TIMEOUT_MS = 20_000;

// --- state ----------------------------------------------------------------------------

function runKey(): string {
  // The Playwright runner is the parent of the worker; its pid plus start time name one run.
  let started = "";
  try {
    started = fs.readFileSync(`/proc/${process.ppid}/stat`, "utf8").split(") ")[1]?.split(" ")[19] ?? "";
  } catch {
    // Not Linux: the pid alone.
  }
  return `${process.ppid}-${started}`;
}

const stateFile = path.join(os.tmpdir(), `lentera-e2e-staff-${runKey()}.json`);

// Files of earlier runs are useless (each run starts a fresh database): tidy those older than a day.
for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("lentera-e2e-staff-"))) {
  const file = path.join(os.tmpdir(), name);
  try {
    if (file !== stateFile && Date.now() - fs.statSync(file).mtimeMs > 86_400_000) fs.rmSync(file, { force: true });
  } catch {
    // Another run tidied it first.
  }
}

function readStateFile(): Record<string, Enrolment> {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8")) as Record<string, Enrolment>;
  } catch {
    return {};
  }
}

function save(): void {
  const temp = `${stateFile}.${process.pid}.tmp`;
  // Over what the file holds: a restarted worker loads accounts lazily and must not drop the others.
  fs.writeFileSync(temp, JSON.stringify({ ...readStateFile(), ...Object.fromEntries(enrolments) }), { mode: 0o600 });
  fs.renameSync(temp, stateFile);
}

/** What this run knows about `username`'s second factor (undefined: not enrolled by this run). */
export function enrolmentOf(username: string): Enrolment | undefined {
  if (!enrolments.has(username)) {
    const stored = readStateFile()[username];
    if (stored) enrolments.set(username, stored);
  }
  return enrolments.get(username);
}

function remember(username: string, enrolment: Enrolment): void {
  enrolments.set(username, enrolment);
  save();
}

// --- codes ----------------------------------------------------------------------------

/**
 * A TOTP code the server will accept for `username` now (and for the next few seconds),
 * marked as used. Null when no such step is left right now (see nextCode).
 */
export function freshTotpCode(username: string): string | null {
  const enrolment = requireEnrolment(username);
  const now = Date.now();
  const lowest = timeStep(now + SAFETY_MS) - 1;
  const highest = timeStep(now) + 1;
  const step = Math.max(enrolment.lastStep + 1, lowest);
  if (step > highest) return null;
  remember(username, { ...enrolment, lastStep: step });
  return totpForStep(base32Decode(enrolment.secret), step);
}

/** One unused backup code of `username`, marked as used; null when none are left. */
export function takeBackupCode(username: string): string | null {
  const enrolment = requireEnrolment(username);
  const [code, ...rest] = enrolment.backupCodes;
  if (!code) return null;
  remember(username, { ...enrolment, backupCodes: rest });
  return code;
}

/** A code for the second step: a fresh TOTP step, else a backup code, else wait for the next step. */
export async function nextCode(username: string): Promise<string> {
  for (;;) {
    const totp = freshTotpCode(username);
    if (totp) return totp;
    const enrolment = requireEnrolment(username);
    // The step after lastStep enters the server's window when step lastStep begins.
    const waitMs = stepStartsAt(enrolment.lastStep) - Date.now() + 50;
    if (waitMs > MAX_WAIT_WITHOUT_BACKUP_MS) {
      const backup = takeBackupCode(username);
      if (backup) return backup;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, waitMs)));
  }
}

function requireEnrolment(username: string): Enrolment {
  const enrolment = enrolmentOf(username);
  if (!enrolment)
    throw new Error(`e2e: ${username} has a second factor this test run did not enrol; its secret is unknown`);
  return enrolment;
}

// --- the UI steps ---------------------------------------------------------------------

const formAlert = (page: Page) => page.locator("main [role=alert]");
const onPath = (page: Page, pattern: RegExp) => pattern.test(new URL(page.url()).pathname);

/** Polls until `done()` says where the page went; an error message in the form fails fast. */
async function settle<T>(page: Page, what: string, done: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const result = await done();
    if (result !== null) return result;
    const alert = formAlert(page);
    if (await alert.isVisible().catch(() => false)) {
      throw new Error(`e2e ${what}: ${(await alert.textContent())?.trim()}`);
    }
    if (Date.now() > deadline) throw new Error(`e2e ${what}: timed out on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Opens the sign-in page and sends username and password. Resolves to "code" when the form asks
 * for the second factor, "enrol" when the account landed on the enrolment page; an error
 * message in the form (wrong password, locked) rejects.
 */
export async function submitPassword(
  page: Page,
  username: string,
  password = E2E_STAFF_PASSWORD,
): Promise<"code" | "enrol"> {
  await page.goto("/staff/masuk");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  return settle(page, `sign-in of ${username}`, async () => {
    if (
      await page
        .locator("#code")
        .isVisible()
        .catch(() => false)
    )
      return "code" as const;
    if (
      onPath(page, /\/staff\/keamanan$/) &&
      (await page
        .locator("#totp-secret")
        .isVisible()
        .catch(() => false))
    )
      return "enrol" as const;
    return null;
  });
}

/** Waits until React has hydrated the element (it then carries React's props), e.g. before typing into a controlled field. */
async function untilHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const element = document.querySelector(sel);
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  }, selector);
}

/**
 * On the enrolment page: reads the secret, confirms it with a code, remembers the secret and the
 * ten backup codes, lets `onBackupCodes` look at the page that shows them, and continues into
 * the workspace ("Lanjut ke ruang kerja": the activation upgraded the session, no second sign-in).
 * Returns what it stored.
 */
export async function completeEnrolment(
  page: Page,
  username: string,
  onBackupCodes?: (codes: string[]) => Promise<void>,
): Promise<Enrolment> {
  const secret = ((await page.locator("#totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // The QR code is drawn by the server into the page, never fetched from elsewhere.
  expect(await page.getByTestId("totp-qr").getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  // The form is React's once hydrated: a code typed before that is not in its state.
  await untilHydrated(page, "#enrol-code");
  const step = timeStep();
  await page.locator("#enrol-code").fill(totpForStep(base32Decode(secret), step));
  await page.locator("#enrol-code").press("Enter");
  const codes = page.getByTestId("backup-code");
  await settle(page, `enrolment of ${username}`, async () => ((await codes.count()) === 10 ? true : null));
  const enrolment: Enrolment = {
    secret,
    lastStep: step,
    backupCodes: (await codes.allTextContents()).map((c) => c.trim()),
  };
  remember(username, enrolment);
  await onBackupCodes?.(enrolment.backupCodes);
  await page.getByRole("button", { name: "Lanjut ke ruang kerja" }).click();
  await page.waitForURL((url) => /\/staff(\/kata-sandi)?$/.test(url.pathname) || !url.pathname.startsWith("/staff/"));
  await page.waitForLoadState();
  return enrolment;
}

/** Sends a second-factor code in the form's second step and waits until the page leaves /staff/masuk. */
export async function submitCode(page: Page, username: string, code: string): Promise<void> {
  await page.locator("#code").fill(code);
  await page.locator("#code").press("Enter");
  await settle(page, `code for ${username}`, async () => (onPath(page, /\/staff\/masuk$/) ? null : true));
  await page.waitForLoadState();
}

/**
 * Signs `username` (a demo account) in through the UI with E2E_STAFF_PASSWORD and its second
 * factor, enrolling it first when it has none. Ends on the page /staff leads to.
 */
export async function signInAs(page: Page, username: string): Promise<void> {
  const next = await submitPassword(page, username);
  // Activating the second factor continues straight into the workspace.
  if (next === "enrol") await completeEnrolment(page, username);
  else await submitCode(page, username, await nextCode(username));
}

/** Ends the session of `page`'s browser context (next-auth sign-out) and opens the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(response.ok()).toBe(true);
  await page.goto("/staff/masuk");
}
