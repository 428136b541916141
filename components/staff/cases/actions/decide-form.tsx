"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { Notice } from "@/components/ui/notice.tsx";

/** The Kepala Dinas approves (signs) a submitted Berita Acara or Tanggapan, or returns it with a note. */
export function DecideForm({ caseId, onDone, type }: ActionProps & { type: "BERITA_ACARA" | "TANGGAPAN" }) {
  const t = useTranslations("caseAction.decide");
  const trpc = useTRPC();
  const [noteMissing, setNoteMissing] = useState(false);
  const m = useMutation(
    trpc.cases.decideDraft.mutationOptions(
      useActionCallbacks(caseId, onDone, (_: unknown, v: { approve: boolean }) =>
        v.approve ? t("approved") : t("returned"),
      ),
    ),
  );
  const id = type === "BERITA_ACARA" ? "decide-berita-acara" : "decide-tanggapan";

  function submit(fd: FormData, submitter: string | null) {
    const note = str(fd, "note");
    if (submitter !== "return") return m.mutate({ caseId, type, approve: true });
    setNoteMissing(!note);
    if (note) m.mutate({ caseId, type, approve: false, note });
  }

  return (
    <ActionCard
      id={id}
      title={type === "BERITA_ACARA" ? t("titleBeritaAcara") : t("titleTanggapan")}
      lead={t("lead")}
      error={m.error}
      onSubmit={submit}
      buttons={
        <>
          <SubmitButton pending={m.isPending} label={t("approve")} value="approve" />
          <SubmitButton pending={m.isPending} label={t("return")} value="return" secondary />
        </>
      }
    >
      <TextField id={`${id}-note`} name="note" label={t("note")} hint={t("noteHint")} rows={3} maxLength={2000} />
      {noteMissing ? (
        <Notice tone="bad" role="alert">
          {t("noteRequired")}
        </Notice>
      ) : null}
    </ActionCard>
  );
}
