"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** Step 8 (Sekretariat): archive; also an escalated case, or a responded one after the wait. */
export function ArchiveForm({ caseId, onDone, status }: ActionProps & { status: string }) {
  const t = useTranslations("caseAction");
  const trpc = useTRPC();
  const m = useMutation(
    trpc.cases.archive.mutationOptions(useActionCallbacks(caseId, onDone, () => t("archiveForm.done"))),
  );
  const lead =
    status === "ESCALATED" ? "leadEscalated" : status === "RESPONDED" ? "leadNotAcknowledged" : "leadCompleted";
  return (
    <MutationCard
      id="archive"
      title={t("archiveForm.title")}
      lead={t(`archiveForm.${lead}`)}
      mutation={m}
      input={(fd) => ({ caseId, note: str(fd, "note") })}
      submit={t("archiveForm.submit")}
    >
      <TextField
        id="archive-note"
        name="note"
        label={t("archiveForm.note")}
        optionalText={t("optional")}
        rows={2}
        maxLength={2000}
      />
    </MutationCard>
  );
}
