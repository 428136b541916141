"use client";

import { useTranslations } from "next-intl";
import { useOfficeTimeZone } from "@/components/office-time.ts";
import { formatOfficeDate } from "@/lib/zoned-time.ts";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { DoneSection, ShownOnceBox } from "@/components/ui/shown-once.tsx";

/**
 * The ten backup codes, shown this once (only their hashes are stored), with a plain-text
 * download made in the browser: the codes never travel to the server again.
 */
export function BackupCodes({
  account,
  codes,
  locale,
  onContinue,
  continues,
}: {
  account: string;
  codes: string[];
  locale: string;
  onContinue: () => void;
  continues: boolean;
}) {
  const t = useTranslations("auth.enrol");
  const timeZone = useOfficeTimeZone();

  function download() {
    const created = formatOfficeDate(new Date(), locale, timeZone);
    const text = [
      t("fileTitle"),
      t("fileAccount", { account }),
      t("fileCreated", { date: created }),
      t("fileNote"),
      "",
      ...codes.map((c, i) => `${String(i + 1).padStart(2, " ")}. ${c}`),
      "",
    ].join("\r\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `lentera-kode-cadangan-${account}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <DoneSection id="backup-title" title={t("doneTitle")}>
      <ShownOnceBox>
        <h3 className="text-lg font-bold text-brand-900">{t("backupTitle")}</h3>
        <p className="mt-2 text-slate-800">{t("backupLead")}</p>
        <p className="mt-2 font-semibold text-red-900">{t("backupOnce")}</p>
        <ol
          className="mt-4 grid grid-cols-1 gap-2 font-mono text-lg min-[360px]:grid-cols-2"
          aria-label={t("backupTitle")}
        >
          {codes.map((code) => (
            <li key={code} data-testid="backup-code" className="rounded bg-white px-3 py-1 text-center tracking-wider">
              {code}
            </li>
          ))}
        </ol>
        <button type="button" onClick={download} className={`mt-4 ${secondaryButtonClass}`}>
          {t("download")}
        </button>
      </ShownOnceBox>
      <p className="text-slate-700">{t(continues ? "continueHint" : "signInAgainHint")}</p>
      <button type="button" onClick={onContinue} className={`w-full sm:w-auto ${primaryButtonClass}`}>
        {t(continues ? "continue" : "signInAgain")}
      </button>
    </DoneSection>
  );
}
