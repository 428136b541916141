"use client";

import { useTranslations } from "next-intl";
import { useLabels, useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";
import { DataTable, tdClass } from "@/components/ui/table.tsx";

/** Each SOP step's office time against its standard (mutu baku), counted in office hours. */
export function CaseSteps({ view }: { view: CaseView }) {
  const t = useTranslations("caseFile");
  const ws = useTranslations("workspace");
  const label = useLabels();
  const date = useOfficeDate();
  return (
    <HeadedSection id="steps-title" title={t("stepsTitle")} className="space-y-3" size="medium">
      {view.steps.length === 0 ? (
        <p>{t("noSteps")}</p>
      ) : (
        <DataTable
          label={t("stepsLabel")}
          caption={t("stepsLabel")}
          head={[t("step"), t("started"), t("completed"), t("taken"), t("standard"), t("result")]}
          className="w-full min-w-[40rem] border-collapse"
          testId="steps-table"
        >
          {view.steps.map((s) => (
            <tr key={s.step}>
              <th scope="row" className={`${tdClass} text-left font-semibold`}>
                {s.step}. {t(`stepName.${s.step}` as never)}
              </th>
              <td className={tdClass}>{date(s.startedAt)}</td>
              <td className={tdClass}>{s.completedAt ? date(s.completedAt) : ws("none")}</td>
              <td className={tdClass}>
                {label.duration(s.officeMinutes)}
                {s.running ? <span className="text-slate-700"> ({t("running")})</span> : null}
              </td>
              <td className={tdClass}>{label.duration(s.standardMinutes)}</td>
              <td className={tdClass}>
                {s.withinStandard ? <Badge tone="good">{t("within")}</Badge> : <Badge tone="bad">{t("over")}</Badge>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </HeadedSection>
  );
}
