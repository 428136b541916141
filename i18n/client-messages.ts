/**
 * The texts client components read in the browser (useTranslations there). Only these travel to
 * the browser with a page: sending every message made each page's payload several times larger.
 * Portal pages get the portal's; staff pages and the reporter's case page the frame's (the error
 * boundary and the kit), each adding what its own client components read: a staff page wraps them
 * in `WorkspaceTexts` (components/staff/workspace-texts.tsx), which adds the workspace's with the
 * portal's, and the case page its reply form in the form's texts (`replyFormClientMessages`).
 * Pages rendered on the server only (the staff home, the office dashboard) send no more than the
 * frame's. i18n/client-messages.test.ts checks the lists are complete.
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
 * What a staff page or the reporter's case page sends besides its own client components' texts:
 * the error boundary's (app/[locale]/error.tsx) and the kit's client pieces'. The staff home and
 * the office dashboard are rendered on the server only, every other staff page brings the texts
 * its client components read (withWorkspaceTexts), and the case page its reply form's, so the
 * portal's forms' texts (~9 KB) stay out of their payload.
 */
export const FRAME_CLIENT_NAMESPACES = ["errors", "outage", "ui"] as const satisfies readonly (keyof Messages)[];

/**
 * The keys the reporter's reply form reads (components/portal/reply-form.tsx and the fields it
 * draws), by namespace; `true` is the whole namespace. Its provider replaces the frame's texts
 * below it, so the frame's namespaces the form reads are listed too.
 */
export const REPLY_FORM_CLIENT_KEYS = {
  case: ["sent", "closed", "reply", "replyHint", "replyFiles", "send", "sending"],
  report: ["serverError", "filesStrip", "filesWarning", "error"],
  filePicker: true,
  outage: true,
  ui: true,
} as const satisfies { [N in keyof Messages]?: true | readonly (keyof Messages[N])[] };

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

export function frameClientMessages(locale: Locale): Pick<Messages, (typeof FRAME_CLIENT_NAMESPACES)[number]> {
  return pick(locale, FRAME_CLIENT_NAMESPACES);
}

/** The reply form's texts alone (~2.5 KB of the portal's ~10.6 KB), as REPLY_FORM_CLIENT_KEYS lists them. */
export function replyFormClientMessages(locale: Locale): Record<string, unknown> {
  const all = messagesFor(locale) as unknown as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(REPLY_FORM_CLIENT_KEYS).map(([ns, keys]) => [
      ns,
      keys === true ? all[ns] : Object.fromEntries(keys.map((key) => [key, all[ns]![key]])),
    ]),
  );
}

export function workspaceClientMessages(locale: Locale): Pick<Messages, (typeof WORKSPACE_CLIENT_NAMESPACES)[number]> {
  return pick(locale, WORKSPACE_CLIENT_NAMESPACES);
}
