"use client";

import { useTranslations } from "next-intl";

/** Moves keyboard and screen-reader focus to the new content when enrolment succeeds. */
function focusOnMount(element: HTMLElement | null) {
  element?.focus();
}

/**
 * The ten backup codes, shown this once (only their hashes are stored), with a plain-text
 * download made in the browser: the codes never travel to the server again.
 */
export function BackupCodes({ account, codes, locale, onContinue, continues }: { account: string; codes: string[]; locale: string; onContinue: () => void; continues: boolean }) {
  const t = useTranslations("auth.enrol");

  function download() {
    const created = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date());
    const text = [t("fileTitle"), t("fileAccount", { account }), t("fileCreated", { date: created }), t("fileNote"), "", ...codes.map((c, i) => `${String(i + 1).padStart(2, " ")}. ${c}`), ""].join("\r\n");
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
    <section aria-labelledby="backup-title" className="mt-6 space-y-5">
      <div role="status">
        <h2 id="backup-title" ref={focusOnMount} tabIndex={-1} className="text-xl font-bold text-brand-900">
          {t("doneTitle")}
        </h2>
      </div>
      <div className="rounded-lg border-4 border-brand-700 bg-brand-50 p-4 sm:p-5">
        <h3 className="text-lg font-bold text-brand-900">{t("backupTitle")}</h3>
        <p className="mt-2 text-slate-800">{t("backupLead")}</p>
        <p className="mt-2 font-semibold text-red-900">{t("backupOnce")}</p>
        <ol className="mt-4 grid grid-cols-1 gap-2 font-mono text-lg min-[360px]:grid-cols-2" aria-label={t("backupTitle")}>
          {codes.map((code) => (
            <li key={code} data-testid="backup-code" className="rounded bg-white px-3 py-1 text-center tracking-wider">
              {code}
            </li>
          ))}
        </ol>
        <button type="button" onClick={download} className="mt-4 rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-100">
          {t("download")}
        </button>
      </div>
      <p className="text-slate-700">{t(continues ? "continueHint" : "signInAgainHint")}</p>
      <button type="button" onClick={onContinue} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 sm:w-auto">
        {t(continues ? "continue" : "signInAgain")}
      </button>
    </section>
  );
}
