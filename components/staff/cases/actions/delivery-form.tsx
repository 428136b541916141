"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** Step 7 for a reporter who is not on the portal: the Sekretariat records the delivery. */
export function DeliveryForm({ caseId, onDone }: ActionProps) {
  const t = useTranslations("caseAction.delivery");
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.recordDelivery.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  return (
    <MutationCard
      id="delivery"
      title={t("title")}
      lead={t("lead")}
      mutation={m}
      input={(fd) => ({ caseId, note: str(fd, "note") })}
      submit={t("submit")}
    >
      <TextField id="delivery-note" name="note" label={t("note")} required rows={3} maxLength={2000} />
    </MutationCard>
  );
}
