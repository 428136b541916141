"use client";

import { useTranslations } from "next-intl";
import type { Receipt as ReceiptData } from "@/server/portal/form-state.ts";
import { Link } from "@/i18n/navigation.ts";
import { formatOfficeDate } from "./format-date.ts";
import { focusOnMount } from "./focus.ts";
import { linkClass, primaryButtonClass } from "@/components/ui/button.tsx";

/**
 * Shown once, in the response to the report post: nothing about it is in a cookie or the
 * URL. The download posts the code back to be returned as a text file (no storage, no URL).
 */
export function Receipt({ receipt, locale }: { receipt: ReceiptData; locale: string }) {
  const t = useTranslations("receipt");
  const date = (iso: string) => formatOfficeDate(iso, locale);
  return (
    <section aria-labelledby="receipt-title" className="mt-6 space-y-6">
      <div role="status">
        <h2 id="receipt-title" ref={focusOnMount} tabIndex={-1} className="text-2xl font-bold text-brand-900">
          {t("title")}
        </h2>
      </div>
      <div className="rounded-lg border-4 border-brand-700 bg-brand-50 p-5">
        <p className="font-semibold">{t("codeLabel")}</p>
        <p className="mt-2 break-all font-mono text-3xl font-bold tracking-wider text-brand-900 sm:text-4xl" data-testid="tracking-code">
          {receipt.trackingCode}
        </p>
        <p className="mt-3 font-semibold text-red-900">{t("codeOnce")}</p>
        <form method="post" action="/api/portal/tracking-code" className="mt-4">
          <input type="hidden" name="code" value={receipt.trackingCode} />
          <input type="hidden" name="reference" value={receipt.reference} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className={primaryButtonClass}>
            {t("download")}
          </button>
        </form>
      </div>
      <div>
        <h3 className="text-lg font-bold text-brand-900">{t("adviceTitle")}</h3>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>{t("advice1")}</li>
          <li>{t("advice2")}</li>
          <li>{t("advice3")}</li>
        </ul>
      </div>
      <dl>
        <dt className="font-semibold">{t("reference")}</dt>
        <dd className="font-mono text-lg" data-testid="reference">
          {receipt.reference}
        </dd>
        <dd className="text-sm text-slate-700">{t("referenceHint")}</dd>
      </dl>
      {receipt.files.length > 0 ? (
        <div>
          <h3 className="text-lg font-bold text-brand-900">{t("filesKept")}</h3>
          <ul className="mt-2 list-disc pl-6">
            {receipt.files.map((f, i) => (
              <li key={i}>
                {f.name}
                {f.warning ? <span className="block text-sm text-amber-900">{t("fileWarning", { file: f.name })}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="text-lg font-bold text-brand-900">{t("nextTitle")}</h3>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>{t("recordBy", { date: date(receipt.recordDueAt) })}</li>
          <li>{t("responseBy", { date: date(receipt.responseDueAt) })}</li>
          <li>{t("checkBack")}</li>
        </ul>
        <p className="mt-4">
          <Link href="/lacak" className={linkClass}>
            {t("track")}
          </Link>
        </p>
      </div>
    </section>
  );
}
