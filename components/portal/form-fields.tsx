"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "@/server/http/portal/form-state.ts";
import { TextField } from "@/components/ui/field.tsx";
import { ErrorSummary } from "@/components/ui/error-summary.tsx";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import { OutageNotice } from "@/components/outage-notice.tsx";

const MiB = 1024 * 1024;

/** One field error in the reader's language. */
export function useErrorText() {
  const t = useTranslations("report.error");
  return (field: string, e: FieldError) => {
    const mb = Math.round((e.max ?? 0) / MiB);
    const file = e.file ?? "";
    if (field === "goodFaith") return t("goodFaith");
    if (e.code === "too_many" && (field === "files" || field === "replyFiles"))
      return t("files_too_many", { max: e.max ?? 0 });
    if (e.code === "too_long" || e.code === "too_many") return t(e.code, { max: e.max ?? 0 });
    if (e.code === "too_large" || e.code === "total_too_large") return t(e.code, { file, mb });
    if (
      e.code === "unsupported_type" ||
      e.code === "damaged" ||
      e.code === "unsafe" ||
      e.code === "busy" ||
      e.code === "empty"
    )
      return t(e.code, { file });
    return t("required");
  };
}

/** The field's errors from the form state, in the reader's language (none: nothing). */
export function ErrorList({ id, field, errors }: { id?: string; field: string; errors?: FieldError[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-semibold text-red-800">
      {errors.map((e, i) => (
        <li key={i}>{text(field, e)}</li>
      ))}
    </ul>
  );
}

/**
 * A text field of a server-action form: its errors come from the form state, and "required"
 * is checked by the server, so the form posts (and shows every error) without JavaScript.
 */
export function FormTextField({
  name,
  required,
  errors,
  errorField,
  ...field
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  errors?: FieldError[];
  errorField?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  autoComplete?: string;
}) {
  return (
    <TextField
      {...field}
      name={name}
      softRequired={required}
      error={errors?.length ? <ErrorList field={errorField ?? name} errors={errors} /> : undefined}
    />
  );
}

/**
 * The top of a posted report form: its idempotency key and form token, then what went wrong
 * with the last post (`summary`, `detail`) and whether the database was away.
 */
export function PostedFormTop({
  idempotencyKey,
  formToken,
  summary,
  detail,
  unavailable,
}: {
  idempotencyKey: string;
  formToken: string;
  summary?: string;
  detail?: string;
  unavailable: boolean;
}) {
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormTokenInput token={formToken} />
      {summary ? <ErrorSummary title={summary} detail={detail} /> : null}
      {unavailable ? <OutageNotice /> : null}
    </>
  );
}
