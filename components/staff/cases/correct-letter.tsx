"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { RefusalAlert, str, SubmitButton, useRefreshCase } from "./actions/action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/**
 * Correcting an issued letter: a new letter, drawn from the case as it is now (after, say, a
 * signer's NIP was put right), that names the one it replaces; the reason goes on the timeline.
 */
export function CorrectLetter({
  caseId,
  letterId,
  onDone,
}: {
  caseId: string;
  letterId: string;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("caseFile.correction");
  const trpc = useTRPC();
  const refresh = useRefreshCase(caseId);
  // The message is shown by the list: this letter's form goes away once it is replaced.
  const m = useMutation(
    trpc.cases.correctLetter.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onDone(t("done", { number: r.number }));
      },
    }),
  );
  const id = `correct-${letterId}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    m.mutate({ letterId, reason: str(new FormData(event.currentTarget), "reason") });
  }
  return (
    <details className="mt-2" data-testid="correct-letter">
      <summary className="cursor-pointer font-semibold text-brand-700">{t("open")}</summary>
      <form onSubmit={submit} className="mt-2 space-y-3">
        <p className="text-sm text-slate-700">{t("lead")}</p>
        <TextField id={`${id}-reason`} name="reason" label={t("reason")} rows={2} required maxLength={2_000} />
        <RefusalAlert error={m.error} id={`${id}-error`} />
        <SubmitButton pending={m.isPending} label={t("submit")} secondary />
      </form>
    </details>
  );
}
