"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/staff/trpc.tsx";
import { DELIVERY_METHODS } from "../../vocabulary.ts";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { RadioGroup } from "@/components/ui/radio-group.tsx";

/** Step 6 (Sekretariat): send the approved Tanggapan, which issues the letter; next number in the Buku Agenda Tanggapan. */
export function SendForm({ caseId, onDone, hasTrackingCode }: ActionProps & { hasTrackingCode: boolean }) {
  const t = useTranslations("caseAction.send");
  const trpc = useTRPC();
  const m = useMutation(
    trpc.cases.sendResponse.mutationOptions(
      useActionCallbacks(caseId, onDone, (r: { agendaNumber: number }) => t("done", { number: r.agendaNumber })),
    ),
  );
  return (
    <MutationCard
      id="send"
      title={t("title")}
      lead={t("lead")}
      mutation={m}
      input={(fd) => ({ caseId, method: str(fd, "method") as (typeof DELIVERY_METHODS)[number] })}
      submit={t("submit")}
    >
      <RadioGroup
        legend={t("method")}
        name="method"
        idPrefix="send-method"
        defaultChecked={hasTrackingCode ? "PORTAL" : "IN_PERSON"}
        options={DELIVERY_METHODS.map((method) => ({
          value: method,
          label: t(`methods.${method}`),
          disabled: method === "PORTAL" && !hasTrackingCode,
          hint:
            method === "PORTAL" && !hasTrackingCode
              ? t("portalNoCode")
              : method === "POST"
                ? t("postNames")
                : undefined,
        }))}
      />
    </MutationCard>
  );
}
