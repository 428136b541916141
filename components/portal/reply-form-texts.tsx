import "server-only";
import type { ReactNode } from "react";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { routing } from "@/i18n/routing.ts";
import { replyFormClientMessages } from "@/i18n/client-messages.ts";

/** The reporter's case page (without its locale prefix): its layout sends only the frame's client texts. */
export const CASE_PAGE_PATH = "/lacak/kasus";

/**
 * The reply form's texts for its client components, and no other portal texts: the form is the
 * case page's only client piece that reads any, and the page is rendered per view, so every
 * text in its payload is serialised and parsed again on each view.
 */
export function ReplyFormTexts({ locale, children }: { locale: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider
      messages={replyFormClientMessages(hasLocale(routing.locales, locale) ? locale : routing.defaultLocale)}
    >
      {children}
    </NextIntlClientProvider>
  );
}
