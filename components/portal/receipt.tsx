"use client";

import { useTranslations } from "next-intl";
import type { Receipt as ReceiptData } from "@/server/http/portal/form-state.ts";
import { primaryButtonClass } from "@/components/ui/button.tsx";
import { TextLink } from "@/components/ui/text-link.tsx";
import { DoneSection, OneTimeCode, ShownOnceBox } from "@/components/ui/shown-once.tsx";
import { useOfficeTimeZone } from "@/components/office-time.ts";
import { formatOfficeDate } from "@/lib/zoned-time.ts";

/**
 * Shown once, in the response to the report post: nothing about it is in a cookie or the
 * URL. The download posts the code back to be returned as a text file (no storage, no URL).
 */
export function Receipt({ receipt, locale }: { receipt: ReceiptData; locale: string }) {
  const t = useTranslations("receipt");
  const timeZone = useOfficeTimeZone();
  const date = (iso: string) => formatOfficeDate(iso, locale, timeZone);
  return (
    <DoneSection id="receipt-title" title={t("title")} className="mt-6 space-y-6">
      <ShownOnceBox>
        <OneTimeCode
          label={t("codeLabel")}
          code={receipt.trackingCode}
          warning={t("codeOnce")}
          testId="tracking-code"
        />
        <form method="post" action="/api/portal/tracking-code" className="mt-4">
          <input type="hidden" name="code" value={receipt.trackingCode} />
          <input type="hidden" name="reference" value={receipt.reference} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className={primaryButtonClass}>
            {t("download")}
          </button>
        </form>
      </ShownOnceBox>
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
                {f.warning ? (
                  <span className="block text-sm text-amber-900">{t("fileWarning", { file: f.name })}</span>
                ) : null}
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
          <TextLink href="/lacak">{t("track")}</TextLink>
        </p>
      </div>
    </DoneSection>
  );
}
