"use client";

import { useTranslations } from "next-intl";
import { useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { linkClass } from "@/components/ui/button.tsx";
import { Facts } from "@/components/ui/facts.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

const Text = ({ value, empty }: { value: string; empty: string }) =>
  value.trim() ? <span className="whitespace-pre-line">{value}</span> : <span className="text-slate-600">{empty}</span>;

/** The decrypted report (4W+1H), the confidential identity, and the files as downloads. */
export function CaseReport({ view }: { view: CaseView }) {
  const t = useTranslations("caseFile");
  const r = view.report;
  const empty = t("empty");
  const date = useOfficeDate();
  if (!r) {
    return (
      <HeadedSection id="report-title" title={t("reportTitle")} className="space-y-3" size="medium">
        <Notice tone="warn" role="status">
          <span data-testid="content-destroyed">
            {t("contentDestroyed", { date: view.destroyedAt ? date(view.destroyedAt) : "-" })}
          </span>
        </Notice>
      </HeadedSection>
    );
  }
  return (
    <>
      <HeadedSection id="report-title" title={t("reportTitle")} className="space-y-3" size="medium">
        <Facts
          items={[
            [t("what"), <Text key="what" value={r.what} empty={empty} />],
            [
              t("persons"),
              <ul key="persons" className="list-disc pl-5">
                {r.persons.map((p, i) => (
                  <li key={i}>
                    {p.name}
                    {p.position ? ` — ${p.position}` : ""}
                  </li>
                ))}
              </ul>,
            ],
            [t("where"), <Text key="where" value={r.where} empty={empty} />],
            [t("when"), <Text key="when" value={r.when} empty={empty} />],
            [t("how"), <Text key="how" value={r.how} empty={empty} />],
            [t("evidence"), <Text key="evidence" value={r.evidence} empty={empty} />],
            [t("witnesses"), <Text key="witnesses" value={r.witnesses} empty={empty} />],
          ]}
        />
      </HeadedSection>
      {view.identity ? (
        <HeadedSection id="identity-title" title={t("identityTitle")} className="space-y-3" size="medium">
          <Notice tone="warn">{t("identityNotice")}</Notice>
          <Facts
            items={[
              [t("identityName"), view.identity.name],
              [t("identityContact"), view.identity.contact],
            ]}
          />
        </HeadedSection>
      ) : null}
      <CaseAttachments view={view} />
    </>
  );
}

function CaseAttachments({ view }: { view: CaseView }) {
  const t = useTranslations("caseFile");
  const date = useOfficeDate();
  return (
    <HeadedSection id="attachments-title" title={t("attachmentsTitle")} className="space-y-3" size="medium">
      {view.attachments.length === 0 ? (
        <p>{t("noAttachments")}</p>
      ) : (
        <ul className="space-y-2" data-testid="attachments">
          {view.attachments.map((a) => (
            <li key={a.id} className="rounded border border-slate-300 p-2">
              {/* A plain link: the route answers with Content-Disposition: attachment. */}
              <a href={`/api/staff/attachment/${a.id}`} download className={`${linkClass} break-all`}>
                {t("download", { name: a.name })}
              </a>
              <span className="block text-sm text-slate-700">
                {t("fileSize", { kb: Math.max(1, Math.round(a.size / 1024)) })} ·{" "}
                {a.fromReporter ? t("fromReporter") : t("fromOffice")} · {date(a.createdAt)}
              </span>
              {a.warning ? <Badge tone="warn">{t("fileWarning")}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </HeadedSection>
  );
}
