"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { TextInput } from "../fields.tsx";
import { useOfficeDate } from "../labels.ts";
import type { CaseView } from "../types.ts";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";

/** Step 4 held (Kepala Dinas or Tim Audit): what was discussed and the technical resolution. */
export function OutcomeForm({ caseId, onDone, meeting }: ActionProps & { meeting: CaseView["meetings"][number] }) {
  const t = useTranslations("caseAction.outcome");
  const date = useOfficeDate();
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.meetingOutcome.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  return (
    <ActionCard
      id="outcome"
      title={t("title")}
      lead={t("lead", { date: date(meeting.startsAt), place: meeting.place })}
      error={m.error}
      onSubmit={(fd) => m.mutate({ caseId, meetingId: meeting.id, discussion: str(fd, "discussion"), resolution: str(fd, "resolution") })}
      buttons={<SubmitButton pending={m.isPending} label={t("submit")} />}
    >
      {/* key: after a save the fields show what is stored. */}
      <TextInput key={`d-${meeting.discussion ?? ""}`} id="outcome-discussion" name="discussion" label={t("discussion")} required rows={5} maxLength={20000} defaultValue={meeting.discussion ?? ""} />
      <TextInput key={`r-${meeting.resolution ?? ""}`} id="outcome-resolution" name="resolution" label={t("resolution")} required rows={4} maxLength={20000} defaultValue={meeting.resolution ?? ""} />
    </ActionCard>
  );
}
