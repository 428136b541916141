"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldError } from "@/server/http/portal/form-state.ts";
import { TextField } from "@/components/ui/field.tsx";
import { ErrorSummary } from "@/components/ui/error-summary.tsx";
import { FormTokenInput } from "@/components/form-token-input.tsx";
import { OutageNotice } from "@/components/outage-notice.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";

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

/** What a page hands a form that posts to a server action and may come back during an outage. */
export interface PostedFormProps<State> {
  action: (state: State, fd: FormData) => Promise<State>;
  initial: State;
  /** The rendered form's token (posts whose browser says nothing of their origin need it). */
  formToken: string;
  /** The page's own address: lets the page show this form's post-back wherever it renders it. */
  permalink: string;
  /** Render nothing until a post has come back (the page without the database, during an outage). */
  onlyAfterPost?: boolean;
}

/** What a failed post says, by its `failed` (an outage has its own notice; only the intake is ever forbidden). */
const FAILURE = { server: "serverError", busy: "busyError", forbidden: "forbidden" } as const;

/**
 * A posted report form (the portal's, and the intake's in `ns`: both namespaces hold the same
 * keys): its idempotency key and form token, then what went wrong with the last post, whether
 * the database was away, and the note on required fields, above the fields (`children`).
 * The caller keys it by the attempt, so the fields remount with the values the server sent back.
 */
export function PostedForm({
  ns,
  action,
  state,
  formToken,
  children,
}: {
  ns: "report" | "intake";
  action: (fd: FormData) => void;
  /** The last post's outcome; the intake's source fields have their own errors. */
  state: {
    idempotencyKey: string;
    failed?: keyof typeof FAILURE | "unavailable";
    errors: Record<string, unknown>;
    sourceErrors?: object;
  };
  formToken: string;
  children: ReactNode;
}) {
  const t = useTranslations(ns as "intake");
  const r = useTranslations("report");
  const errorCount = Object.keys(state.errors).length + Object.keys(state.sourceErrors ?? {}).length;
  return (
    <form action={action} noValidate className="mt-6 space-y-6">
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <FormTokenInput token={formToken} />
      {/* The files must be chosen again, unless they were what was wrong. */}
      {errorCount > 0 ? (
        <ErrorSummary
          title={t("summary", { count: errorCount })}
          detail={state.errors.files === undefined ? t("filesAgain") : undefined}
        />
      ) : null}
      {state.failed === "unavailable" ? <OutageNotice /> : null}
      <ErrorAlert>{state.failed && state.failed !== "unavailable" ? t(FAILURE[state.failed]) : null}</ErrorAlert>
      <p className="text-sm">{r("requiredHint")}</p>
      {children}
    </form>
  );
}

/**
 * The file input of a posted form with the lines under its label (`notes`, each named by its
 * id for aria-describedby; `warning` stands out) and its errors; `children` draws the input
 * with the ids it is described by.
 */
export function FilesField({
  id,
  label,
  notes,
  errors,
  children,
}: {
  id: string;
  label: string;
  notes: { id: string; text: ReactNode; warning?: boolean }[];
  errors?: FieldError[];
  children: (input: { describedBy: string; invalid: boolean }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const describedBy = [...notes.map((n) => n.id), ...(errors ? [errorId] : [])].join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {notes.map((n) => (
        <p
          key={n.id}
          id={n.id}
          className={
            n.warning
              ? "mt-1 rounded border border-amber-600 bg-amber-50 p-2 text-sm text-amber-950"
              : "text-sm text-slate-700"
          }
        >
          {n.text}
        </p>
      ))}
      {children({ describedBy, invalid: Boolean(errors) })}
      <ErrorList id={errorId} field={id} errors={errors} />
    </div>
  );
}
