"use client";

import { useTranslations } from "next-intl";
import { useLabels, useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Facts } from "@/components/ui/facts.tsx";
import { Notice } from "@/components/ui/notice.tsx";

/** Reference, status, classification and the clocks of one case. */
export function CaseHeader({ view, now }: { view: CaseView; now: Date }) {
  const t = useTranslations("caseFile");
  const ws = useTranslations("workspace");
  const label = useLabels();
  const date = useOfficeDate();
  const overdue = view.dueAt !== null && view.dueAt < now;
  const facts: [string, React.ReactNode][] = [
    [
      t("status"),
      <span key="s" data-testid="case-status">
        {label.status(view.status)}
      </span>,
    ],
    [t("category"), label.category(view.category)],
    [t("channel"), label.channel(view.channel)],
    [t("identityMode"), t(`identity.${view.identityMode}`)],
    [
      t("leadershipLabel"),
      view.involvesLeadership ? (
        <Badge key="l" tone="warn">
          {ws("yes")}
        </Badge>
      ) : (
        ws("no")
      ),
    ],
    [t("trackingCode"), view.hasTrackingCode ? t("hasCode") : t("noCode")],
    [t("receivedAt"), date(view.receivedAt)],
  ];
  if (view.dueAt) {
    facts.push([
      t("dueAt"),
      <span key="d">
        {date(view.dueAt)}{" "}
        {overdue ? (
          <Badge tone="bad" testId="overdue-badge">
            {ws("overdue")}
          </Badge>
        ) : null}
      </span>,
    ]);
  }
  facts.push([t("recordDueAt"), date(view.recordDueAt)], [t("responseDueAt"), date(view.responseDueAt)]);
  if (view.autoArchiveAt) facts.push([t("autoArchiveAt"), date(view.autoArchiveAt)]);
  if (view.escalationReason) facts.push([t("escalationReason"), t(`escalation.${view.escalationReason}`)]);
  if (view.archiveReason) facts.push([t("archiveReason"), t(`archive.${view.archiveReason}`)]);
  if (view.agenda.length > 0) {
    facts.push([
      t("agendaEntry"),
      <ul key="a">
        {[...view.agenda]
          .sort((a, b) => a.entryDate.getTime() - b.entryDate.getTime())
          .map((a) => (
            <li key={a.book}>
              {t("agendaLine", { book: t(`book.${a.book}`), number: a.number, year: a.year })} · {date(a.entryDate)}
            </li>
          ))}
      </ul>,
    ]);
  }

  return (
    <header className="space-y-3">
      <h1 id="case-title" className="text-2xl font-bold break-words text-brand-900 sm:text-3xl">
        {t("title", { reference: view.reference })}
      </h1>
      <p className="flex flex-wrap gap-2">
        <Badge tone={view.status === "ARCHIVED" ? "neutral" : view.status === "ESCALATED" ? "warn" : "info"}>
          {label.status(view.status)}
        </Badge>
        {view.involvesLeadership ? <Badge tone="warn">{ws("leadership")}</Badge> : null}
        {overdue ? <Badge tone="bad">{ws("overdue")}</Badge> : null}
      </p>
      {view.status === "AWAITING_INFO" ? <Notice tone="warn">{t("awaitingNotice")}</Notice> : null}
      {overdue ? <Notice tone="bad">{t("overdueNotice")}</Notice> : null}
      <Facts items={facts} />
    </header>
  );
}
