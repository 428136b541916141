"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import type { DecideInput } from "../types.ts";
import { MutationCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

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

  function input(fd: FormData, submitter: string | null): DecideInput | null {
    const note = str(fd, "note");
    if (submitter !== "return") return { caseId, type, approve: true };
    setNoteMissing(!note);
    return note ? { caseId, type, approve: false, note } : null;
  }

  return (
    <MutationCard
      id={id}
      title={type === "BERITA_ACARA" ? t("titleBeritaAcara") : t("titleTanggapan")}
      lead={t("lead")}
      problem={noteMissing ? t("noteRequired") : null}
      mutation={m}
      input={input}
      buttons={
        <>
          <SubmitButton pending={m.isPending} label={t("approve")} value="approve" />
          <SubmitButton pending={m.isPending} label={t("return")} value="return" secondary />
        </>
      }
    >
      <TextField id={`${id}-note`} name="note" label={t("note")} hint={t("noteHint")} rows={3} maxLength={2000} />
    </MutationCard>
  );
}
