"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FilesField, PostedForm, type PostedFormProps } from "@/components/portal/form-fields.tsx";
import { IdentityFields, LeadershipField, ReportContentFields } from "@/components/portal/report-content-fields.tsx";
import type { IntakeFormState } from "@/server/http/staff/intake-form-state.ts";
import { IntakeDone } from "./intake-done.tsx";
import { useLabels } from "../labels.ts";
import { CATEGORY_ORDER, OFFLINE_CHANNELS } from "../vocabulary.ts";
import { SubmitButton } from "@/components/ui/button.tsx";
import { CheckField, SelectField, TextField } from "@/components/ui/field.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";

interface Props extends PostedFormProps<IntakeFormState> {
  limits: { maxFiles: number; maxMb: number };
  accept: string;
}

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

  return (
    <PostedForm key={state.attempt} ns="intake" action={formAction} state={state} formToken={formToken}>
      <Fieldset large legend={t("sourceLegend")}>
        <SelectField
          id="intake-channel"
          name="channel"
          label={t("channel")}
          softRequired
          defaultValue={v.channel}
          error={sourceErrors.channel ? t("error.channel") : undefined}
        >
          <option value="">{t("channelChoose")}</option>
          {OFFLINE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {label.channel(c)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="intake-received-at"
          name="receivedAt"
          type="datetime-local"
          label={t("receivedAt")}
          softRequired
          defaultValue={v.receivedAt}
          error={
            sourceErrors.receivedAt
              ? sourceErrors.receivedAt === "future"
                ? t("error.receivedAtFuture")
                : t("error.receivedAt")
              : undefined
          }
        />
      </Fieldset>

      <ReportContentFields
        values={v}
        errors={errors}
        hints={false}
        personsHint={t("personsHint")}
        categories={CATEGORY_ORDER.map((c) => [c, label.category(c)])}
        files={
          <FilesField
            id="files"
            label={r("files")}
            notes={[{ id: "files-hint", text: t("filesHint", { count: limits.maxFiles, mb: limits.maxMb }) }]}
            errors={e("files")}
          >
            {(input) => (
              <input
                id="files"
                name="files"
                type="file"
                multiple
                accept={accept}
                aria-describedby={input.describedBy}
                aria-invalid={input.invalid || undefined}
                className="mt-2 block w-full text-sm"
              />
            )}
          </FilesField>
        }
      />

      <IdentityFields ns="intake" values={v} errors={errors} />

      <Fieldset large legend={t("trackingLegend")}>
        <LeadershipField ns="intake" checked={v.involvesLeadership} />
        <CheckField
          strong
          id="wantsTrackingCode"
          type="checkbox"
          name="wantsTrackingCode"
          defaultChecked={v.wantsTrackingCode}
          label={t("wantsTrackingCode")}
          hint={t("wantsTrackingCodeHint")}
        />
      </Fieldset>

      <SubmitButton large pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </PostedForm>
  );
}
