"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** Step 2 (Sekretariat): record the report; the next number in the Buku Agenda Permohonan. */
export function RecordForm({ caseId, onDone }: ActionProps) {
  const t = useTranslations("caseAction");
  const trpc = useTRPC();
  const m = useMutation(
    trpc.cases.record.mutationOptions(
      useActionCallbacks(caseId, onDone, (r: { agendaNumber: number }) => t("record.done", { number: r.agendaNumber })),
    ),
  );
  return (
    <MutationCard
      id="record"
      title={t("record.title")}
      lead={t("record.lead")}
      mutation={m}
      input={(fd) => ({ caseId, ...(str(fd, "subject") ? { subject: str(fd, "subject") } : {}) })}
      submit={t("record.submit")}
    >
      <TextField
        id="record-subject"
        name="subject"
        label={t("record.subject")}
        optionalText={t("optional")}
        maxLength={300}
      />
    </MutationCard>
  );
}
