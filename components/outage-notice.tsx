"use client";

import { useTranslations } from "next-intl";
import { focusOnMount } from "@/components/portal/focus.ts";

/**
 * A form post that could not be saved because the database was unavailable: says so plainly,
 * and that files must be chosen again (a browser never sends them back); the fields below
 * keep what was typed.
 */
export function OutageNotice({ files = true }: { files?: boolean }) {
  const t = useTranslations("outage");
  return (
    <div
      role="alert"
      ref={focusOnMount}
      tabIndex={-1}
      data-testid="outage-notice"
      className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-900"
    >
      <p className="font-semibold">{t("formNotSaved")}</p>
      {files ? <p className="mt-1">{t("filesAgain")}</p> : null}
    </div>
  );
}
