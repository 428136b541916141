"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { DELIVERY_METHODS } from "../../vocabulary.ts";
import { ActionCard, str, SubmitButton, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { CheckField } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";

/** Step 6 (Sekretariat): send the approved Tanggapan, which issues the letter; next number in the Buku Agenda Tanggapan. */
export function SendForm({ caseId, onDone, hasTrackingCode }: ActionProps & { hasTrackingCode: boolean }) {
  const t = useTranslations("caseAction.send");
  const trpc = useTRPC();
  const m = useMutation(trpc.cases.sendResponse.mutationOptions(useActionCallbacks(caseId, onDone, (r: { agendaNumber: number }) => t("done", { number: r.agendaNumber }))));
  return (
    <ActionCard
      id="send"
      title={t("title")}
      lead={t("lead")}
      error={m.error}
      onSubmit={(fd) => m.mutate({ caseId, method: str(fd, "method") as (typeof DELIVERY_METHODS)[number] })}
      buttons={<SubmitButton pending={m.isPending} label={t("submit")} />}
    >
      <Fieldset legend={t("method")}>
        {DELIVERY_METHODS.map((method) => (
          <CheckField
            key={method}
            type="radio"
            id={`send-method-${method.toLowerCase().replace("_", "-")}`}
            name="method"
            value={method}
            label={t(`methods.${method}`)}
            defaultChecked={method === (hasTrackingCode ? "PORTAL" : "IN_PERSON")}
            disabled={method === "PORTAL" && !hasTrackingCode}
            hint={method === "PORTAL" && !hasTrackingCode ? t("portalNoCode") : method === "POST" ? t("postNames") : undefined}
          />
        ))}
      </Fieldset>
    </ActionCard>
  );
}
