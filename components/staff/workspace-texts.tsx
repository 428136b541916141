import "server-only";
import type { ReactNode } from "react";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { routing } from "@/i18n/routing.ts";
import { workspaceClientMessages } from "@/i18n/client-messages.ts";

/**
 * The workspace's texts for the client components of a staff page. Given per page, not in the
 * staff layout: a page rendered on the server only then sends none of them (~65 KB of JSON in
 * its inline React payload), and a page keeps them on client-side navigation.
 */
async function WorkspaceTexts({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider
      messages={workspaceClientMessages(hasLocale(routing.locales, locale) ? locale : routing.defaultLocale)}
    >
      {children}
    </NextIntlClientProvider>
  );
}

/** A staff page whose client components read the workspace's texts. */
export function withWorkspaceTexts<P extends object>(
  page: (props: P) => Promise<ReactNode>,
): (props: P) => Promise<ReactNode> {
  return async function PageWithWorkspaceTexts(props: P) {
    return <WorkspaceTexts>{await page(props)}</WorkspaceTexts>;
  };
}
