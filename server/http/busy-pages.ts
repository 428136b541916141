/**
 * The pages the preload's gates answer with when a request waited too long for its turn
 * (server/http/request-admission.mjs; for posts with files server/http/portal/upload-admission.mjs).
 * The preloads run before Next.js and cannot load the messages, so the application gives them
 * the pages once at start.
 */
import { REFUSAL_HEADERS, refusalHtml, type RefusalReason } from "../security/refusal-page.ts";

type Holder = Record<symbol, { busyPage?: () => { html: string; headers: Record<string, string> } } | undefined>;

function install(key: symbol, reason: RefusalReason): void {
  const html = refusalHtml(reason);
  ((globalThis as unknown as Holder)[key] ??= {}).busyPage = () => ({ html, headers: REFUSAL_HEADERS });
}

/** Called once at start. */
export function installBusyPages(): void {
  install(Symbol.for("lentera.requestAdmission"), "overloaded");
  install(Symbol.for("lentera.uploadAdmission"), "busy");
}
