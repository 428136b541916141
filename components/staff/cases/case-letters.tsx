"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { CorrectLetter } from "./correct-letter.tsx";
import { useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { linkClass } from "@/components/ui/button.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** The case's issued letters as downloads (with a correction where the server allows this reader one), and the case dossier compiled on demand. */
export function CaseLetters({ view }: { view: CaseView }) {
  const t = useTranslations("caseFile");
  const date = useOfficeDate();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <HeadedSection id="letters-title" title={t("lettersTitle")} className="space-y-3" size="medium">
      <p className="text-sm text-slate-700">{t("lettersLead")}</p>
      {notice ? (
        <Notice tone="good" role="status">
          {notice}
        </Notice>
      ) : null}
      {view.letters.length === 0 ? (
        <p className="mt-2">{t("noLetters")}</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="letters">
          {view.letters.map((l) => (
            <li key={l.id} className="rounded border border-slate-300 p-2" data-letter-type={l.type}>
              {/* A plain link: the route answers with Content-Disposition: attachment. A destroyed case keeps the register line only. */}
              {view.destroyedAt ? (
                <span className="font-semibold">{t(`letterTypes.${l.type}`)}</span>
              ) : (
                <a href={`/api/staff/letter/${l.id}`} download className={`${linkClass} break-all`}>
                  {/* The archived dossier and the working copy below must not share one link name. */}
                  {l.type === "DOSSIER"
                    ? t("dossierIssuedDownload")
                    : t("letterDownload", { title: t(`letterTypes.${l.type}`) })}
                </a>
              )}
              <span className="block text-sm text-slate-700">
                {l.number ? t("letterNumber", { number: l.number }) : t("letterUnnumbered")} ·{" "}
                {t("letterIssued", { date: date(l.issuedAt) })}
                {l.signerName ? ` · ${t("letterSigner", { name: l.signerName })}` : ""}
              </span>
              {l.replacesId ? <Badge tone="info">{t("letterCorrection")}</Badge> : null}
              {l.replaced ? <Badge tone="warn">{t("letterReplaced")}</Badge> : null}
              {view.correctable.includes(l.id) ? (
                <CorrectLetter caseId={view.id} letterId={l.id} onDone={setNotice} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4" hidden={view.destroyedAt !== null}>
        <a href={`/api/staff/dossier/${view.id}`} download className={linkClass} data-testid="dossier-download">
          {t("dossierDownload")}
        </a>
        <span className="block text-sm text-slate-700">{t("dossierHint")}</span>
      </p>
    </HeadedSection>
  );
}
