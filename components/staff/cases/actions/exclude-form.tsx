"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps, type Notify } from "./action-kit.tsx";
import { SelectField, TextField } from "@/components/ui/field.tsx";

/** Conflict of interest: Tim Telaah or the Kepala Dinas excludes a colleague from the case. */
export function ExcludeForm({
  caseId,
  onDone,
  meId,
  excludedIds,
}: ActionProps & { meId: string; excludedIds: readonly string[] }) {
  const t = useTranslations("caseAction.exclude");
  const trpc = useTRPC();
  const directory = useQuery(trpc.cases.staffDirectory.queryOptions());
  // A new round after each success empties the form for the next exclusion.
  const [round, setRound] = useState(0);
  const done: Notify = (message, kind) => {
    if (kind !== "refused") setRound((r) => r + 1);
    onDone(message, kind);
  };
  const m = useMutation(trpc.cases.exclude.mutationOptions(useActionCallbacks(caseId, done, () => t("done"))));
  const people = (directory.data ?? []).filter((p) => p.id !== meId && !excludedIds.includes(p.id));
  return (
    <MutationCard
      id="exclude"
      title={t("title")}
      lead={t("lead")}
      mutation={m}
      input={(fd) => ({ caseId, userId: str(fd, "userId"), reason: str(fd, "reason") })}
      submit={t("submit")}
    >
      <SelectField key={`u-${round}`} id="exclude-user" name="userId" label={t("user")} required defaultValue="">
        <option value="">{t("choose")}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.position ? ` — ${p.position}` : ""}
          </option>
        ))}
      </SelectField>
      <TextField
        key={`r-${round}`}
        id="exclude-reason"
        name="reason"
        label={t("reason")}
        required
        rows={2}
        maxLength={1000}
      />
    </MutationCard>
  );
}
