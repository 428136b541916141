import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { routing, withoutLocale } from "@/i18n/routing.ts";
import { frameClientMessages, portalClientMessages } from "@/i18n/client-messages.ts";
import { SiteHeader } from "@/components/portal/site-header.tsx";
import { SiteFooter } from "@/components/portal/site-footer.tsx";
import { StaffHeader } from "@/components/staff/staff-header.tsx";
import { isStaffPath } from "@/components/staff/staff-path.ts";
import { CASE_PAGE_PATH } from "@/components/portal/reply-form-texts.tsx";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: t("title"),
    description: t("description"),
    referrer: "no-referrer",
    robots: { index: true, follow: true },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "nav" });
  const path = withoutLocale((await headers()).get("x-lentera-path") ?? "/");
  const staff = isStaffPath(path);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
        {/* Only the client texts a page may read go to the browser: the portal's on portal pages; on
            staff pages the frame's, each page adding the workspace's where read (withWorkspaceTexts),
            and on the reporter's case page the frame's with its reply form's (ReplyFormTexts). */}
        <NextIntlClientProvider
          messages={staff || path === CASE_PAGE_PATH ? frameClientMessages(locale) : portalClientMessages(locale)}
        >
          {/* Staff pages carry the workspace's own header; the portal's links are for reporters. */}
          {staff ? <StaffHeader locale={locale} /> : <SiteHeader locale={locale} />}
          <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
