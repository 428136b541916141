"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import { focusOnMount } from "@/components/portal/focus.ts";
import type { IntakeFormState } from "@/server/staff/intake-form-state.ts";
import { linkClass, primaryButtonClass } from "@/components/ui/button.tsx";

/** The saved offline report: its reference and, once only, the tracking code to hand over. */
export function IntakeDone({ done }: { done: Extract<IntakeFormState, { kind: "done" }> }) {
  const t = useTranslations("intake");
  return (
    <section aria-labelledby="intake-done-title" className="mt-6 space-y-5">
      <div role="status">
        <h2 id="intake-done-title" ref={focusOnMount} tabIndex={-1} className="text-2xl font-bold text-brand-900">
          {t("doneTitle")}
        </h2>
      </div>
      <dl>
        <dt className="font-semibold">{t("reference")}</dt>
        <dd className="font-mono text-lg" data-testid="intake-reference">
          {done.reference}
        </dd>
      </dl>
      {done.trackingCode ? (
        <div className="rounded-lg border-4 border-brand-700 bg-brand-50 p-5">
          <p className="font-semibold">{t("codeLabel")}</p>
          <p className="mt-2 font-mono text-3xl font-bold tracking-wider break-all text-brand-900" data-testid="intake-tracking-code">
            {done.trackingCode}
          </p>
          <p className="mt-3 font-semibold text-red-900">{t("codeOnce")}</p>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            <li>{t("advice1")}</li>
            <li>{t("advice2")}</li>
            <li>{t("advice3")}</li>
          </ul>
        </div>
      ) : (
        <p>{t("noCode")}</p>
      )}
      <p className="flex flex-wrap items-center gap-4">
        <Link href={`/staff/kasus/${done.caseId}`} className={primaryButtonClass}>
          {t("openCase", { reference: done.reference })}
        </Link>
        {/* A full load: a fresh, empty form (and the code gone from the page). */}
        <a href="" className={linkClass}>
          {t("another")}
        </a>
      </p>
    </section>
  );
}
