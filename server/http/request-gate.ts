/**
 * The application's side of the preload that lets requests into work a few at a time
 * (server/http/request-admission.mjs), which runs before Next.js and cannot load the messages.
 */
import { REFUSAL_HEADERS, refusalHtml } from "../security/refusal-page.ts";

const KEY = Symbol.for("lentera.requestAdmission");

interface Admission {
  busyPage?: () => { html: string; headers: Record<string, string> };
}

/** Gives the preload the page it answers a request with when it waited too long. Called once at start. */
export function installOverloadPage(): void {
  const html = refusalHtml("overloaded");
  ((globalThis as unknown as Record<symbol, Admission | undefined>)[KEY] ??= {}).busyPage = () => ({
    html,
    headers: REFUSAL_HEADERS,
  });
}
