"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { Link } from "@/i18n/navigation.ts";
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
      <section className="max-w-2xl" role="alert" aria-labelledby="outage-title">
        <h1 id="outage-title" className="text-2xl font-bold text-brand-900">
          {outage("title")}
        </h1>
        <p className="mt-3">{outage("body")}</p>
        <p className="mt-6 flex flex-wrap gap-4">
          <a href={pathname} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {outage("retry")}
          </a>
          <Link href="/" className="self-center font-semibold text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="max-w-2xl" role="alert">
      <h1 className="text-2xl font-bold text-brand-900">{t("server")}</h1>
      <p className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("tryAgain")}
        </button>
        <Link href="/" className="self-center font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </section>
  );
}
