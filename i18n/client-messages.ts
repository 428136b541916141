/**
 * The texts client components read in the browser (useTranslations there). Only these travel to
 * the browser with a page: sending every message made each page's payload several times larger.
 * Portal pages get the portal's, staff pages the frame's (the error boundary and the kit); a staff
 * page whose client components read the workspace's texts wraps them in `WorkspaceTexts`
 * (components/staff/workspace-texts.tsx), which adds those with the portal's. Pages rendered on
 * the server only (the staff home, the office dashboard) send no more than the frame's.
 * i18n/client-messages.test.ts checks the lists are complete.
 */
import { messagesFor, type Messages } from "./messages.ts";
import type { Locale } from "./routing.ts";

export const PORTAL_CLIENT_NAMESPACES = [
  "case",
  "errors",
  "filePicker",
  "outage",
  "receipt",
  "report",
  "track",
  "ui",
] as const satisfies readonly (keyof Messages)[];

/**
 * What a staff page sends without the workspace's texts: the error boundary's
 * (app/[locale]/error.tsx) and the kit's client pieces'. The staff home and the office dashboard
 * are rendered on the server only, and every other staff page brings the texts its client
 * components read (withWorkspaceTexts), so the portal's forms' texts (~9 KB) stay out of their payload.
 */
export const STAFF_FRAME_CLIENT_NAMESPACES = ["errors", "outage", "ui"] as const satisfies readonly (keyof Messages)[];

/** Every namespace a client component of the staff workspace reads (with the portal's it renders). */
export const WORKSPACE_CLIENT_NAMESPACES = [
  ...PORTAL_CLIENT_NAMESPACES,
  "admin",
  "agenda",
  "auditLog",
  "auth",
  "backup",
  "caseAction",
  "caseFile",
  "caseFreshness",
  "home",
  "intake",
  "notifications",
  "queue",
  "roles",
  "staff",
  "workspace",
] as const satisfies readonly (keyof Messages)[];

function pick<N extends keyof Messages>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = messagesFor(locale);
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Pick<Messages, N>;
}

export function portalClientMessages(locale: Locale): Pick<Messages, (typeof PORTAL_CLIENT_NAMESPACES)[number]> {
  return pick(locale, PORTAL_CLIENT_NAMESPACES);
}

export function staffFrameClientMessages(
  locale: Locale,
): Pick<Messages, (typeof STAFF_FRAME_CLIENT_NAMESPACES)[number]> {
  return pick(locale, STAFF_FRAME_CLIENT_NAMESPACES);
}

export function workspaceClientMessages(locale: Locale): Pick<Messages, (typeof WORKSPACE_CLIENT_NAMESPACES)[number]> {
  return pick(locale, WORKSPACE_CLIENT_NAMESPACES);
}
