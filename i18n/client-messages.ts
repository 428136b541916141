/**
 * The texts client components read in the browser (useTranslations there). Only these travel to
 * the browser with a page: sending every message made each page's payload several times larger.
 * Every page gets the portal's; a staff page whose client components read the workspace's texts
 * wraps them in `WorkspaceTexts` (components/staff/workspace-texts.tsx), which adds those. Pages
 * rendered on the server only (the staff home, the office dashboard) send none of them.
 * i18n/client-messages.test.ts checks both lists are complete.
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

export function workspaceClientMessages(locale: Locale): Pick<Messages, (typeof WORKSPACE_CLIENT_NAMESPACES)[number]> {
  return pick(locale, WORKSPACE_CLIENT_NAMESPACES);
}
