/**
 * The one place that loads the translated texts. The portal and shared texts live in
 * messages/<locale>.json, each staff area in its own file (messages/<area>/<locale>.json) so
 * areas can change independently; top-level keys are namespaces and must not repeat across files.
 */
import { createTranslator } from "next-intl";
import idMain from "./messages/id.json";
import enMain from "./messages/en.json";
import idAuth from "./messages/auth/id.json";
import enAuth from "./messages/auth/en.json";
import idAdmin from "./messages/admin/id.json";
import enAdmin from "./messages/admin/en.json";
import idCases from "./messages/cases/id.json";
import enCases from "./messages/cases/en.json";
import idStatistics from "./messages/statistics/id.json";
import enStatistics from "./messages/statistics/en.json";
import idBackup from "./messages/backup/id.json";
import enBackup from "./messages/backup/en.json";
import idNotifications from "./messages/notifications/id.json";
import enNotifications from "./messages/notifications/en.json";
import type { Locale } from "./routing.ts";

const id = { ...idMain, ...idAuth, ...idAdmin, ...idCases, ...idStatistics, ...idBackup, ...idNotifications };
const en: typeof id = {
  ...enMain,
  ...enAuth,
  ...enAdmin,
  ...enCases,
  ...enStatistics,
  ...enBackup,
  ...enNotifications,
};

export type Messages = typeof id;

const MESSAGES: Record<Locale, Messages> = { id, en };

/** Every text of a locale. */
export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** A translator outside React (route handlers, PDFs, CSV, plain HTML pages). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
