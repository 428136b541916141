"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { TextLink } from "@/components/ui/text-link.tsx";
import { OutageMessage } from "@/components/outage-message.tsx";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/server/db-outage/digest.ts";

/**
 * A page that failed: a plain sentence in the reader's language, never the error's message.
 * A database outage (told by the error's digest, all a browser gets) says so, and how to retry:
 * a plain link, so it works without JavaScript too.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const outage = useTranslations("outage");
  const pathname = usePathname();
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return (
      <OutageMessage
        title={outage("title")}
        body={outage("body")}
        retry={outage("retry")}
        back={t("back")}
        retryHref={pathname}
      />
    );
  }
  return (
    <section className="max-w-2xl" role="alert">
      <h1 className="text-2xl font-bold text-brand-900">{t("server")}</h1>
      <p className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className={primaryButtonClass}>
          {t("tryAgain")}
        </button>
        <TextLink href="/" className="self-center">
          {t("back")}
        </TextLink>
      </p>
    </section>
  );
}
