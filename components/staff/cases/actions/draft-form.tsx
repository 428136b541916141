"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import type { CaseView } from "../types.ts";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";

type Draft = CaseView["drafts"][number] | undefined;

/**
 * Step 5 (Tim Audit drafts the Berita Acara) and step 6 (Sekretariat, Tim Telaah or Tim
 * Audit draft the Tanggapan): save, or hand to the Kepala Dinas for approval.
 */
export function DraftForm({
  caseId,
  onDone,
  type,
  draft,
}: ActionProps & { type: "BERITA_ACARA" | "TANGGAPAN"; draft: Draft }) {
  const t = useTranslations("caseAction");
  const trpc = useTRPC();
  const m = useMutation(
    trpc.cases.saveDraft.mutationOptions(
      useActionCallbacks(caseId, onDone, (_: unknown, v: { submit: boolean }) =>
        v.submit ? t("draft.submitted") : t("draft.saved"),
      ),
    ),
  );
  const id = type === "BERITA_ACARA" ? "berita-acara" : "tanggapan";
  const content = draft?.content ?? {};
  const version = `${draft?.status ?? "new"}-${draft?.submittedAt?.getTime() ?? 0}-${JSON.stringify(content).length}`;

  function submit(fd: FormData, submitter: string | null) {
    const submit = submitter === "submit";
    if (type === "BERITA_ACARA")
      m.mutate({
        caseId,
        type,
        submit,
        content: { considerations: str(fd, "considerations"), decisions: str(fd, "decisions") },
      });
    else m.mutate({ caseId, type, submit, content: { body: str(fd, "body") } });
  }

  return (
    <ActionCard
      id={id}
      title={type === "BERITA_ACARA" ? t("beritaAcara.title") : t("tanggapan.title")}
      error={m.error}
      onSubmit={submit}
      buttons={
        <>
          <SubmitButton pending={m.isPending} label={t("draft.save")} value="save" secondary />
          <SubmitButton pending={m.isPending} label={t("draft.submit")} value="submit" />
        </>
      }
    >
      {draft?.status === "RETURNED" && draft.returnNote ? (
        <Notice tone="warn">
          <span className="whitespace-pre-line">{t("draft.returned", { note: draft.returnNote })}</span>
        </Notice>
      ) : null}
      {type === "BERITA_ACARA" ? (
        <>
          <TextField
            key={`c-${version}`}
            id="berita-acara-considerations"
            name="considerations"
            label={t("beritaAcara.considerations")}
            required
            rows={6}
            maxLength={20000}
            defaultValue={content.considerations ?? ""}
          />
          <TextField
            key={`d-${version}`}
            id="berita-acara-decisions"
            name="decisions"
            label={t("beritaAcara.decisions")}
            required
            rows={5}
            maxLength={20000}
            defaultValue={content.decisions ?? ""}
          />
        </>
      ) : (
        <TextField
          key={`b-${version}`}
          id="tanggapan-body"
          name="body"
          label={t("tanggapan.body")}
          hint={t("tanggapan.bodyHint")}
          required
          rows={8}
          maxLength={20000}
          defaultValue={content.body ?? ""}
        />
      )}
    </ActionCard>
  );
}
