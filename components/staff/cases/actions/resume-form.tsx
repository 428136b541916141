"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** Tim Telaah ends the wait for the reporter (e.g. the answer came by phone). */
export function ResumeForm({ caseId, onDone }: ActionProps) {
  const t = useTranslations("caseAction.resume");
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.resume.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  return (
    <MutationCard
      id="resume"
      title={t("title")}
      lead={t("lead")}
      mutation={m}
      input={(fd) => ({ caseId, note: str(fd, "note") })}
      submit={t("submit")}
    >
      <TextField id="resume-note" name="note" label={t("note")} required rows={3} maxLength={2000} />
    </MutationCard>
  );
}
