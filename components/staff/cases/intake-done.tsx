"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation.ts";
import type { IntakeFormState } from "@/server/http/staff/intake-form-state.ts";
import { linkClass, primaryButtonClass } from "@/components/ui/button.tsx";
import { DoneSection, OneTimeCode, ShownOnceBox } from "@/components/ui/shown-once.tsx";

/** The saved offline report: its reference and, once only, the tracking code to hand over. */
export function IntakeDone({ done }: { done: Extract<IntakeFormState, { kind: "done" }> }) {
  const t = useTranslations("intake");
  return (
    <DoneSection id="intake-done-title" title={t("doneTitle")}>
      <dl>
        <dt className="font-semibold">{t("reference")}</dt>
        <dd className="font-mono text-lg" data-testid="intake-reference">
          {done.reference}
        </dd>
      </dl>
      {done.trackingCode ? (
        <ShownOnceBox>
          <OneTimeCode
            label={t("codeLabel")}
            code={done.trackingCode}
            warning={t("codeOnce")}
            testId="intake-tracking-code"
          />
          <ul className="mt-3 list-disc space-y-1 pl-6">
            <li>{t("advice1")}</li>
            <li>{t("advice2")}</li>
            <li>{t("advice3")}</li>
          </ul>
        </ShownOnceBox>
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
    </DoneSection>
  );
}
