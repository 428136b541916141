"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks } from "./actions/action-kit.tsx";
import { useOfficeDate } from "../labels.ts";
import type { CaseView } from "./types.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { linkClass } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { HeadedSection } from "@/components/ui/headed-section.tsx";

/** The secure message thread with the reporter, and (for Sekretariat / Tim Telaah) a reply form. */
export function CaseThread({ view, canWrite }: { view: CaseView; canWrite: boolean }) {
  const t = useTranslations("caseFile");
  const date = useOfficeDate();
  const files = (messageId: string) => view.attachments.filter((a) => a.messageId === messageId);
  return (
    <HeadedSection id="thread-title" title={t("threadTitle")} className="space-y-3" size="medium">
      {view.messages.length === 0 ? <p>{t("noMessages")}</p> : null}
      <ol className="space-y-3" data-testid="thread">
        {view.messages.map((msg) => (
          <li
            key={msg.id}
            className={`rounded border p-3 ${msg.fromReporter ? "border-brand-700 bg-white" : "border-slate-300 bg-slate-50 sm:ml-8"}`}
          >
            <p className="text-sm font-semibold">
              {msg.fromReporter ? t("reporter") : `${t("office")}${msg.author ? ` (${msg.author})` : ""}`} ·{" "}
              {date(msg.createdAt)} {msg.isInfoRequest ? <Badge tone="warn">{t("infoRequest")}</Badge> : null}
            </p>
            <p className="mt-1 break-words whitespace-pre-line">{msg.body}</p>
            {files(msg.id).length > 0 ? (
              <ul className="mt-2 text-sm">
                {files(msg.id).map((f) => (
                  <li key={f.id}>
                    <a href={`/api/staff/attachment/${f.id}`} download className={`${linkClass} break-all`}>
                      {t("download", { name: f.name })}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {!view.hasTrackingCode ? (
        <Notice tone="info">{t("threadNoCode")}</Notice>
      ) : canWrite ? (
        <MessageForm caseId={view.id} />
      ) : null}
    </HeadedSection>
  );
}

function MessageForm({ caseId }: { caseId: string }) {
  const t = useTranslations("caseFile");
  const trpc = useTRPC();
  const [sent, setSent] = useState(0);
  const m = useMutation(
    trpc.cases.message.mutationOptions(
      useActionCallbacks(
        caseId,
        (_, kind) => kind !== "refused" && setSent((n) => n + 1),
        () => "",
      ),
    ),
  );
  return (
    <MutationCard
      id="message"
      title={t("messageTitle")}
      mutation={m}
      input={(fd) => ({ caseId, body: str(fd, "body") })}
      submit={t("messageSend")}
    >
      <TextField
        key={sent}
        id="message-body"
        name="body"
        label={t("messageLabel")}
        hint={t("messageHint")}
        required
        rows={4}
        maxLength={5000}
      />
      {sent > 0 && !m.isPending && !m.error ? (
        <p role="status" className="font-semibold text-brand-800">
          {t("messageSent")}
        </p>
      ) : null}
    </MutationCard>
  );
}
