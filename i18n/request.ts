import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing.ts";

import { messagesFor } from "./messages.ts";
import { currentOfficeFacts } from "../server/current-office-facts.ts";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // Every date next-intl formats (server and client) is in the office's zone from the settings.
  const { timeZone } = await currentOfficeFacts();
  return { locale, timeZone, messages: messagesFor(locale) };
});
