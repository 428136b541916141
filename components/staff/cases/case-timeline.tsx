"use client";

import { useTranslations } from "next-intl";
import { useLabels, useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** Who did what when, with the reasons and notes the side paths record. */
export function CaseTimeline({ view }: { view: CaseView }) {
  const t = useTranslations("caseFile");
  const label = useLabels();
  const date = useOfficeDate();
  const who = (e: CaseView["timeline"][number]) =>
    e.actorKind === "REPORTER"
      ? t("actorReporter")
      : e.actorKind === "SYSTEM"
        ? t("actorSystem")
        : (e.actor ?? t("office"));
  const what = (e: CaseView["timeline"][number]) => {
    if (e.kind !== "TRANSITION") return t(`kind.${e.kind}` as never);
    if (!e.from) return t("kind.CREATED");
    return t("kind.TRANSITION", { from: label.status(e.from), to: label.status(e.to ?? "") });
  };
  return (
    <HeadedSection id="timeline-title" title={t("timelineTitle")} className="space-y-3" size="medium">
      <ol className="space-y-2 border-l-4 border-brand-100 pl-4" aria-label={t("timelineLabel")} data-testid="timeline">
        {[...view.timeline].reverse().map((e) => (
          <li key={e.id} className="relative">
            <p className="text-sm text-slate-700">
              <time dateTime={e.at.toISOString()}>{date(e.at)}</time> · {who(e)}
            </p>
            <p className="font-semibold">{what(e)}</p>
            {e.note ? <p className="mt-0.5 break-words whitespace-pre-line">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </HeadedSection>
  );
}
