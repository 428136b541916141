"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/**
 * A step that records only a required note: step 7 for a reporter who is not on the portal
 * (the Sekretariat records the delivery), or Tim Telaah ending the wait for the reporter
 * (e.g. the answer came by phone).
 */
export function NoteForm({ caseId, onDone, step }: ActionProps & { step: "delivery" | "resume" }) {
  const t = useTranslations(`caseAction.${step}`);
  const trpc = useTRPC();
  const procedure = step === "delivery" ? trpc.cases.recordDelivery : trpc.cases.resume;
  const m = useMutation(procedure.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  return (
    <MutationCard
      id={step}
      title={t("title")}
      lead={t("lead")}
      mutation={m}
      input={(fd) => ({ caseId, note: str(fd, "note") })}
      submit={t("submit")}
    >
      <TextField id={`${step}-note`} name="note" label={t("note")} required rows={3} maxLength={2000} />
    </MutationCard>
  );
}
