"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { TextField } from "@/components/ui/field.tsx";

/** Step 7 for a reporter who is not on the portal: the Sekretariat records the delivery. */
export function DeliveryForm({ caseId, onDone }: ActionProps) {
  const t = useTranslations("caseAction.delivery");
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.recordDelivery.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));
  return (
    <ActionCard id="delivery" title={t("title")} lead={t("lead")} error={m.error} onSubmit={(fd) => m.mutate({ caseId, note: str(fd, "note") })} buttons={<SubmitButton pending={m.isPending} label={t("submit")} />}>
      <TextField id="delivery-note" name="note" label={t("note")} required rows={3} maxLength={2000} />
    </ActionCard>
  );
}
