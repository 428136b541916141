"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ArchiveForm } from "./actions/archive-form.tsx";
import { ConveneForm } from "./actions/convene-form.tsx";
import { DecideForm } from "./actions/decide-form.tsx";
import { DraftForm } from "./actions/draft-form.tsx";
import { ExcludeForm } from "./actions/exclude-form.tsx";
import { NoteForm } from "./actions/note-form.tsx";
import { OutcomeForm } from "./actions/outcome-form.tsx";
import { RecordForm } from "./actions/record-form.tsx";
import { ReviewForm } from "./actions/review-form.tsx";
import { SendForm } from "./actions/send-form.tsx";
import type { Notify } from "./actions/action-kit.tsx";
import { focusOnMount } from "@/components/portal/focus.ts";
import type { CaseView, Me } from "./types.ts";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** The moves the server says this reader may make now (each procedure checks them again). */
export function ActionPanel({ view, me }: { view: CaseView; me: Me }) {
  const t = useTranslations("caseAction");
  const [notice, setNotice] = useState<{ text: string; kind: "done" | "refused"; n: number } | null>(null);
  const onDone: Notify = (text, kind = "done") => setNotice((old) => ({ text, kind, n: (old?.n ?? 0) + 1 }));
  const actions = view.actions.filter((a) => a !== "message");
  const caseId = view.id;
  const common = { caseId, onDone };
  const draft = (type: string) => view.drafts.find((d) => d.type === type);
  const excludedIds = view.excluded.map((u) => u.id);

  return (
    <HeadedSection
      id="actions-title"
      title={t("title")}
      className="space-y-3 rounded border-2 border-brand-700 bg-brand-50 p-4"
      size="medium"
    >
      {notice ? (
        // A new key per success: the message is announced again and takes focus (the form it came from may be gone).
        <div key={notice.n} ref={focusOnMount} tabIndex={-1} data-testid="action-notice">
          <Notice tone={notice.kind === "done" ? "good" : "bad"} role={notice.kind === "done" ? "status" : "alert"}>
            {notice.text}
          </Notice>
        </div>
      ) : null}
      {actions.length === 0 ? <p>{view.readOnly ? t("readOnly") : t("none")}</p> : null}
      <div className="space-y-4">
        {actions.map((a) => {
          switch (a) {
            case "record":
              return <RecordForm key={a} {...common} />;
            case "review":
              return (
                <ReviewForm
                  key={a}
                  {...common}
                  involvesLeadership={view.involvesLeadership}
                  hasTrackingCode={view.hasTrackingCode}
                />
              );
            case "resume":
              return <NoteForm key={a} {...common} step="resume" />;
            case "convene":
              return (
                <ConveneForm key={a} {...common} me={me} excludedIds={excludedIds} proposal={view.meetingProposal} />
              );
            case "meetingOutcome":
              return <OutcomeForm key={a} {...common} meeting={view.meetings.at(-1)!} />;
            case "draftBeritaAcara":
              return <DraftForm key={a} {...common} type="BERITA_ACARA" draft={draft("BERITA_ACARA")} />;
            case "decideBeritaAcara":
              return <DecideForm key={a} {...common} type="BERITA_ACARA" />;
            case "draftTanggapan":
              return <DraftForm key={a} {...common} type="TANGGAPAN" draft={draft("TANGGAPAN")} />;
            case "decideTanggapan":
              return <DecideForm key={a} {...common} type="TANGGAPAN" />;
            case "send":
              return <SendForm key={a} {...common} hasTrackingCode={view.hasTrackingCode} />;
            case "delivery":
              return <NoteForm key={a} {...common} step="delivery" />;
            case "archive":
              return <ArchiveForm key={a} {...common} status={view.status} />;
            case "exclude":
              return <ExcludeForm key={a} {...common} meId={me.id} excludedIds={excludedIds} />;
            default:
              return null;
          }
        })}
      </div>
    </HeadedSection>
  );
}
