"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import type { ReplyFormState } from "@/server/http/portal/form-state.ts";
import { FilePicker } from "./file-picker.tsx";
import { FilesField, FormTextField, type PostedFormProps } from "./form-fields.tsx";
import { OutageNotice } from "@/components/outage-notice.tsx";
import { SubmitButton } from "@/components/ui/button.tsx";

interface Props extends PostedFormProps<ReplyFormState> {
  locale: string;
  max: number;
}

export function ReplyForm({ action, initial, locale, max, formToken, permalink, onlyAfterPost }: Props) {
  const t = useTranslations("case");
  const report = useTranslations("report");
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  if (onlyAfterPost && state.attempt === 0) return null;
  const fileErrors = state.errors.replyFiles;
  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="mt-6 space-y-4 rounded border border-slate-300 p-4"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormTokenInput token={formToken} />
      {state.sent ? (
        <p role="status" className="font-semibold text-brand-800">
          {t("sent")}
        </p>
      ) : null}
      {state.failed === "unavailable" ? <OutageNotice /> : null}
      {state.failed && state.failed !== "unavailable" ? (
        <p role="alert" className="font-semibold text-red-800">
          {state.failed === "closed" ? t("closed") : report("serverError")}
        </p>
      ) : null}
      <FormTextField
        id="body"
        name="body"
        label={t("reply")}
        hint={t("replyHint", { max })}
        rows={4}
        defaultValue={state.body}
        errors={state.errors.body}
        required
      />
      <FilesField
        id="replyFiles"
        label={t("replyFiles")}
        notes={[{ id: "replyFiles-warning", text: `${report("filesStrip")} ${report("filesWarning")}` }]}
        errors={fileErrors}
      >
        {(input) => <FilePicker id="replyFiles" name="files" {...input} />}
      </FilesField>
      <SubmitButton large pending={pending} label={t("send")} pendingLabel={t("sending")} />
    </form>
  );
}
