"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/staff/trpc.tsx";
import type { ReviewInput } from "../types.ts";
import { ESCALATION_REASONS } from "../../vocabulary.ts";
import { MutationCard, str, useActionCallbacks, type ActionProps } from "./action-kit.tsx";
import { CheckField, SelectField, TextField } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";
import { Notice } from "@/components/ui/notice.tsx";
import { RadioGroup } from "@/components/ui/radio-group.tsx";

const ELEMENTS = ["what", "who", "where", "when", "how"] as const;
type Decision = ReviewInput["decision"]["recommendation"];
const DECISIONS = ["FORWARD", "REQUEST_INFO", "ESCALATE"] as const satisfies readonly Decision[];

/**
 * Step 3 (Tim Telaah): completeness of 4W+1H, scope, summary, then forward to the Kepala
 * Dinas, ask the reporter (the clock pauses), or escalate to the Pengawas.
 */
export function ReviewForm({
  caseId,
  onDone,
  involvesLeadership,
  hasTrackingCode,
}: ActionProps & { involvesLeadership: boolean; hasTrackingCode: boolean }) {
  const t = useTranslations("caseAction.review");
  const el = useTranslations("caseFile.element");
  const file = useTranslations("caseFile");
  const optional = useTranslations("caseAction")("optional");
  const trpc = useTRPC();
  const [decision, setDecision] = useState<Decision>(involvesLeadership ? "ESCALATE" : "FORWARD");
  const m = useMutation(trpc.cases.review.mutationOptions(useActionCallbacks(caseId, onDone, () => t("done"))));

  function input(fd: FormData): ReviewInput {
    const decided: ReviewInput["decision"] =
      decision === "FORWARD"
        ? { recommendation: "FORWARD" }
        : decision === "REQUEST_INFO"
          ? { recommendation: "REQUEST_INFO", question: str(fd, "question") }
          : {
              recommendation: "ESCALATE",
              reason: str(fd, "reason") as "LEADERSHIP_INVOLVED" | "OUTSIDE_AUTHORITY",
              explanation: str(fd, "explanation"),
            };
    return {
      caseId,
      isComplete: fd.get("isComplete") === "on",
      inScope: fd.get("inScope") === "on",
      elements: Object.fromEntries(
        ELEMENTS.map((e) => [e, fd.get(`element-${e}`) === "on"]),
      ) as ReviewInput["elements"],
      summary: str(fd, "summary"),
      notes: str(fd, "notes"),
      decision: decided,
    };
  }

  return (
    <MutationCard id="review" title={t("title")} mutation={m} input={input} submit={t("submit")}>
      <Fieldset legend={t("assessment")}>
        <CheckField id="review-complete" name="isComplete" label={t("isComplete")} />
        <CheckField id="review-in-scope" name="inScope" label={t("inScope")} />
      </Fieldset>
      <Fieldset legend={t("elements")}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {ELEMENTS.map((e) => (
            <CheckField key={e} id={`review-element-${e}`} name={`element-${e}`} label={el(e)} />
          ))}
        </div>
      </Fieldset>
      <TextField id="review-summary" name="summary" label={t("summary")} required rows={4} maxLength={5000} />
      <TextField id="review-notes" name="notes" label={t("notes")} optionalText={optional} rows={3} maxLength={5000} />
      <RadioGroup
        legend={t("decision")}
        name="decision"
        idPrefix="review-decision"
        checked={decision}
        onChange={(d) => setDecision(d as Decision)}
        options={DECISIONS.map((d) => ({
          value: d,
          label: t(d),
          disabled: d === "FORWARD" && involvesLeadership,
          hint: d === "FORWARD" && involvesLeadership ? t("forwardBlocked") : undefined,
        }))}
      />
      {decision === "REQUEST_INFO" ? (
        <>
          {!hasTrackingCode ? <Notice tone="warn">{t("questionNoCode")}</Notice> : null}
          <TextField
            id="review-question"
            name="question"
            label={t("question")}
            hint={t("questionHint")}
            required
            rows={4}
            maxLength={5000}
          />
        </>
      ) : null}
      {decision === "ESCALATE" ? (
        <>
          <SelectField
            id="review-reason"
            name="reason"
            label={t("reason")}
            required
            defaultValue={involvesLeadership ? "LEADERSHIP_INVOLVED" : "OUTSIDE_AUTHORITY"}
          >
            {ESCALATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {file(`escalation.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="review-explanation"
            name="explanation"
            label={t("explanation")}
            required
            rows={3}
            maxLength={2000}
          />
        </>
      ) : null}
    </MutationCard>
  );
}
