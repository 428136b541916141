"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";

/** A page that failed: a plain sentence in the reader's language, never the error's message. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
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
