"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import { ErrorList, FormTextField } from "@/components/portal/form-fields.tsx";
import { focusOnMount } from "@/components/portal/focus.ts";
import { HowFields, ReportContentFields } from "@/components/portal/report-content-fields.tsx";
import type { IntakeFormState } from "@/server/staff/intake-form-state.ts";
import { IntakeDone } from "./intake-done.tsx";
import { useLabels } from "../labels.ts";
import { OutageNotice } from "@/components/outage-notice.tsx";
import { CATEGORIES, OFFLINE_CHANNELS } from "../vocabulary.ts";
import { SubmitButton } from "@/components/ui/button.tsx";
import { CheckField } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";
import { Notice } from "@/components/ui/notice.tsx";

interface Props {
  action: (state: IntakeFormState, fd: FormData) => Promise<IntakeFormState>;
  initial: IntakeFormState;
  limits: { maxFiles: number; maxMb: number };
  accept: string;
  formToken: string;
  /** The page's own address: lets the page show this form's post-back wherever it renders it. */
  permalink: string;
  /** Render nothing until a post has come back (the page without the database, during an outage). */
  onlyAfterPost?: boolean;
}

const selectClass = (invalid: boolean) => `mt-1 w-full rounded border bg-white px-3 py-2 ${invalid ? "border-red-700" : "border-slate-500"}`;

/**
 * Offline intake (SOP step 1 on a reporter's behalf). A multipart form post to a server
 * action, like the portal's report form; the result is the reference and, if the reporter
 * wants one, the tracking code, shown once.
 */
export function IntakeForm({ action, initial, limits, accept, formToken, permalink, onlyAfterPost }: Props) {
  const t = useTranslations("intake");
  const r = useTranslations("report");
  const label = useLabels();
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  if (state.kind === "done") return <IntakeDone done={state} />;
  if (onlyAfterPost && state.attempt === 0) return null;

  const { values: v, errors, sourceErrors } = state;
  const e = (field: string) => errors[field];
  const errorCount = Object.keys(errors).length + Object.keys(sourceErrors).length;

  return (
    <form key={state.attempt} action={formAction} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormTokenInput token={formToken} />
      {errorCount > 0 ? (
        <div role="alert" ref={focusOnMount} tabIndex={-1} className="rounded border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          <p>{t("summary", { count: errorCount })}</p>
          {errors.files === undefined ? <p className="mt-1 font-normal">{t("filesAgain")}</p> : null}
        </div>
      ) : null}
      {state.failed === "unavailable" ? <OutageNotice /> : null}
      {state.failed && state.failed !== "unavailable" ? (
        <Notice tone="bad" role="alert">
          {state.failed === "forbidden" ? t("forbidden") : state.failed === "busy" ? t("busyError") : t("serverError")}
        </Notice>
      ) : null}
      <p className="text-sm">{r("requiredHint")}</p>

      <Fieldset large legend={t("sourceLegend")}>
        <div>
          <label htmlFor="intake-channel" className="block font-semibold">
            {t("channel")}
            <span aria-hidden="true" className="text-red-800"> *</span>
            <span className="sr-only"> ({r("required")})</span>
          </label>
          <select id="intake-channel" name="channel" defaultValue={v.channel} aria-invalid={sourceErrors.channel ? true : undefined} aria-describedby={sourceErrors.channel ? "intake-channel-error" : undefined} className={selectClass(!!sourceErrors.channel)}>
            <option value="">{t("channelChoose")}</option>
            {OFFLINE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label.channel(c)}
              </option>
            ))}
          </select>
          {sourceErrors.channel ? (
            <p id="intake-channel-error" className="mt-1 text-sm font-semibold text-red-800">
              {t("error.channel")}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="intake-received-at" className="block font-semibold">
            {t("receivedAt")}
            <span aria-hidden="true" className="text-red-800"> *</span>
            <span className="sr-only"> ({r("required")})</span>
          </label>
          <input
            id="intake-received-at"
            name="receivedAt"
            type="datetime-local"
            defaultValue={v.receivedAt}
            aria-invalid={sourceErrors.receivedAt ? true : undefined}
            aria-describedby={sourceErrors.receivedAt ? "intake-received-at-error" : undefined}
            className={selectClass(!!sourceErrors.receivedAt)}
          />
          {sourceErrors.receivedAt ? (
            <p id="intake-received-at-error" className="mt-1 text-sm font-semibold text-red-800">
              {sourceErrors.receivedAt === "future" ? t("error.receivedAtFuture") : t("error.receivedAt")}
            </p>
          ) : null}
        </div>
      </Fieldset>

      <Fieldset large legend={r("categoryLegend")}>
        <div>
          <label htmlFor="category" className="block font-semibold">
            {r("category")}
            <span aria-hidden="true" className="text-red-800"> *</span>
            <span className="sr-only"> ({r("required")})</span>
          </label>
          <select id="category" name="category" defaultValue={v.category} aria-invalid={e("category") ? true : undefined} aria-describedby={e("category") ? "category-error" : undefined} className={selectClass(!!e("category"))}>
            <option value="">{r("categoryChoose")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label.category(c)}
              </option>
            ))}
          </select>
          <ErrorList id="category-error" field="category" errors={e("category")} />
        </div>
      </Fieldset>

      <ReportContentFields values={v} errors={errors} hints={false} personsHint={t("personsHint")} />

      <Fieldset large legend={r("howLegend")}>
        <HowFields values={v} errors={errors} hints={false} />
        <div>
          <label htmlFor="files" className="block font-semibold">
            {r("files")}
          </label>
          <p id="files-hint" className="text-sm text-slate-700">
            {t("filesHint", { count: limits.maxFiles, mb: limits.maxMb })}
          </p>
          <input id="files" name="files" type="file" multiple accept={accept} aria-describedby={`files-hint${e("files") ? " files-error" : ""}`} aria-invalid={e("files") ? true : undefined} className="mt-2 block w-full text-sm" />
          <ErrorList id="files-error" field="files" errors={e("files")} />
        </div>
      </Fieldset>

      <Fieldset large legend={t("identityLegend")}>
        <div className="space-y-3">
          <CheckField strong id="identity-anonymous" type="radio" name="identityMode" value="ANONYMOUS" defaultChecked={v.identityMode !== "CONFIDENTIAL"} label={t("anonymous")} hint={t("anonymousHint")} />
          <CheckField strong id="identity-confidential" type="radio" name="identityMode" value="CONFIDENTIAL" defaultChecked={v.identityMode === "CONFIDENTIAL"} label={t("confidential")} hint={t("confidentialHint")} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormTextField id="identityName" name="identityName" label={t("identityName")} hint={t("identityOnlyConfidential")} defaultValue={v.identityName} errors={e("identityName")} />
          <FormTextField id="identityContact" name="identityContact" label={t("identityContact")} hint={t("identityOnlyConfidential")} defaultValue={v.identityContact} errors={e("identityContact")} />
        </div>
      </Fieldset>

      <Fieldset large legend={t("trackingLegend")}>
        <CheckField strong id="involvesLeadership" type="checkbox" name="involvesLeadership" defaultChecked={v.involvesLeadership} label={r("leadership")} hint={t("leadershipHint")} />
        <CheckField strong id="wantsTrackingCode" type="checkbox" name="wantsTrackingCode" defaultChecked={v.wantsTrackingCode} label={t("wantsTrackingCode")} hint={t("wantsTrackingCodeHint")} />
      </Fieldset>

      <SubmitButton large pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
