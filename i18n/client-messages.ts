/**
 * The texts the portal's client components read in the browser (useTranslations there). Only
 * these travel to the browser with a portal page: sending every message (the staff workspace's
 * too) made each page's payload several times larger. The staff workspace's layout hands its
 * components every message itself. i18n/client-messages.test.ts checks the list is complete.
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

export function portalClientMessages(locale: Locale): Pick<Messages, (typeof PORTAL_CLIENT_NAMESPACES)[number]> {
  const all = messagesFor(locale);
  return Object.fromEntries(PORTAL_CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as Pick<
    Messages,
    (typeof PORTAL_CLIENT_NAMESPACES)[number]
  >;
}
