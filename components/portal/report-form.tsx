"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ReportFormState } from "@/server/http/portal/form-state.ts";
import { FilePicker } from "./file-picker.tsx";
import { ErrorList, FilesField, PostedForm } from "./form-fields.tsx";
import { IdentityFields, LeadershipField, ReportContentFields } from "./report-content-fields.tsx";
import { Receipt } from "./receipt.tsx";
import { SubmitButton } from "@/components/ui/button.tsx";

interface Props {
  action: (state: ReportFormState, fd: FormData) => Promise<ReportFormState>;
  initial: ReportFormState;
  locale: string;
  categories: { value: string; label: string }[];
  limits: { maxFiles: number; maxMb: number };
  /** Accepted MIME types, as a hint to the browser's file picker (the server checks content). */
  accept: string;
  /** The rendered form's token (posts whose browser says nothing of their origin need it). */
  formToken: string;
}

/**
 * The report form (step 1). A plain multipart form post: without JavaScript the server
 * renders this same component with the action's result, so errors and the receipt work
 * the same either way.
 */
export function ReportForm({ action, initial, locale, categories, limits, accept, formToken }: Props) {
  const t = useTranslations("report");
  const [state, formAction, pending] = useActionState(action, initial);
  if (state.kind === "receipt") return <Receipt receipt={state.receipt} locale={locale} />;

  const { values: v, errors } = state;
  const e = (field: string) => errors[field];

  return (
    // A new key per attempt remounts the fields with the values the server sent back.
    <PostedForm key={state.attempt} ns="report" action={formAction} state={state} formToken={formToken}>
      <ReportContentFields
        values={v}
        errors={errors}
        hints
        personsHint={t("personsHint")}
        categories={categories.map((c) => [c.value, c.label])}
        files={
          <FilesField
            id="files"
            label={t("files")}
            notes={[
              {
                id: "files-hint",
                text: `${t("filesHint", { count: limits.maxFiles, mb: limits.maxMb })} ${t("filesStrip")}`,
              },
              { id: "files-warning", text: t("filesWarning"), warning: true },
            ]}
            errors={e("files")}
          >
            {(input) => <FilePicker id="files" name="files" accept={accept} {...input} />}
          </FilesField>
        }
      />

      <IdentityFields ns="report" values={v} errors={errors} nameAutoComplete="name" />

      <div className="space-y-4">
        <LeadershipField ns="report" checked={v.involvesLeadership} />
        <div>
          <div className="flex gap-2">
            <input
              id="goodFaith"
              name="goodFaith"
              type="checkbox"
              defaultChecked={v.goodFaith}
              aria-invalid={e("goodFaith") ? true : undefined}
              aria-describedby={e("goodFaith") ? "goodFaith-error" : undefined}
              className="mt-1.5"
            />
            <label htmlFor="goodFaith" className="font-semibold">
              {t("goodFaith")}
              <span aria-hidden="true" className="text-red-800">
                {" "}
                *
              </span>
            </label>
          </div>
          <ErrorList id="goodFaith-error" field="goodFaith" errors={e("goodFaith")} />
        </div>
      </div>

      <SubmitButton large pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </PostedForm>
  );
}
