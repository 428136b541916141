/**
 * The application's side of the preload's upload gate (server/http/portal/upload-admission.mjs),
 * which runs before Next.js and can neither load the messages nor see when an action is done.
 */
import { REFUSAL_HEADERS, refusalHtml } from "../../security/refusal-page.ts";

const KEY = Symbol.for("lentera.uploadAdmission");

interface Admission {
  busyPage?: () => { html: string; headers: Record<string, string> };
  workDone?: () => void;
}

const admission = () => ((globalThis as unknown as Record<symbol, Admission | undefined>)[KEY] ??= {});

/** Gives the gate the page it answers a post with when the post waited too long. Called once at start. */
export function installUploadBusyPage(): void {
  const html = refusalHtml("busy");
  admission().busyPage = () => ({ html, headers: REFUSAL_HEADERS });
}

/**
 * The post being handled has done its work (files sanitised, stored or refused): its place at
 * the gate goes to the next. A post the gate did not hold is not affected.
 */
export function uploadWorkDone(): void {
  admission().workDone?.();
}
