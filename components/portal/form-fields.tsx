"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldError } from "@/server/http/portal/form-state.ts";

const MiB = 1024 * 1024;

/** One field error in the reader's language. */
export function useErrorText() {
  const t = useTranslations("report.error");
  return (field: string, e: FieldError) => {
    const mb = Math.round((e.max ?? 0) / MiB);
    const file = e.file ?? "";
    if (field === "goodFaith") return t("goodFaith");
    if (e.code === "too_many" && (field === "files" || field === "replyFiles")) return t("files_too_many", { max: e.max ?? 0 });
    if (e.code === "too_long" || e.code === "too_many") return t(e.code, { max: e.max ?? 0 });
    if (e.code === "too_large" || e.code === "total_too_large") return t(e.code, { file, mb });
    if (e.code === "unsupported_type" || e.code === "damaged" || e.code === "unsafe" || e.code === "busy" || e.code === "empty") return t(e.code, { file });
    return t("required");
  };
}

export function ErrorList({ id, field, errors }: { id: string; field: string; errors?: FieldError[] }) {
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

interface FieldProps {
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
}

/** A labelled input or textarea whose hint and errors are announced with it. */
export function TextField({ id, name, label, hint, required, errors, errorField, defaultValue, rows, maxLength, autoComplete }: FieldProps) {
  const t = useTranslations("report");
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    "aria-describedby": describedBy,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-required": required || undefined,
    // The server enforces the limits; the browser's maxLength only saves a round trip.
    maxLength,
    autoComplete: autoComplete ?? "off",
    className: `mt-1 w-full rounded border px-3 py-2 ${errors?.length ? "border-red-700" : "border-slate-500"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {required ? <span aria-hidden="true" className="text-red-800"> *</span> : null}
        {required ? <span className="sr-only"> ({t("required")})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      <ErrorList id={`${id}-error`} field={errorField ?? name} errors={errors} />
    </div>
  );
}

interface ChoiceProps {
  id: string;
  type: "radio" | "checkbox";
  name: string;
  value?: string;
  defaultChecked: boolean;
  label: string;
  hint: string;
}

/** A radio button or checkbox with its label and an explanation read with it. */
export function Choice({ id, type, name, value, defaultChecked, label, hint }: ChoiceProps) {
  return (
    <div className="flex gap-2">
      <input id={id} type={type} name={name} value={value} defaultChecked={defaultChecked} aria-describedby={`${id}-hint`} className="mt-1.5" />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      </div>
    </div>
  );
}

export function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="space-y-4 rounded border border-slate-300 p-4">
      <legend className="px-1 text-lg font-bold text-brand-900">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
      {pending ? pendingLabel : label}
    </button>
  );
}
