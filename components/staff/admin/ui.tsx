"use client";

/** Small accessible building blocks shared by the admin and audit pages. */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { AdminErrorCode } from "@/server/domain/admin/errors.ts";
import { reasonOf } from "../reason.ts";

export const inputClass = (invalid: boolean) => `mt-1 w-full rounded border px-3 py-2 ${invalid ? "border-red-700" : "border-slate-500"}`;
export const primaryButton = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButton = "rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60";
export const dangerButton = "rounded border border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60";

/** Ids of the hint and error of a field, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
      {error}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

export function Label({ htmlFor, children, required }: { htmlFor: string; children: ReactNode; required?: boolean }) {
  const t = useTranslations("admin.common");
  return (
    <label htmlFor={htmlFor} className="block font-semibold">
      {children}
      {required ? (
        <>
          <span aria-hidden="true" className="text-red-800">
            {" "}
            *
          </span>
          <span className="sr-only"> ({t("required")})</span>
        </>
      ) : null}
    </label>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  type?: "text" | "email" | "url" | "number" | "time" | "date" | "tel";
  inputMode?: "numeric" | "decimal" | "text";
  autoComplete?: string;
  maxLength?: number;
  rows?: number;
  min?: number;
  step?: string;
  disabled?: boolean;
  className?: string;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ id, label, value, onChange, hint, error, required, type = "text", inputMode, autoComplete = "off", maxLength, rows, min, step, disabled, className }: TextFieldProps) {
  const common = {
    id,
    value,
    disabled,
    maxLength,
    autoComplete,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    "aria-required": required || undefined,
    className: inputClass(Boolean(error)),
  };
  return (
    <div className={className}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <Hint id={id}>{hint}</Hint>
      {rows ? (
        <textarea rows={rows} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type={type} inputMode={inputMode} min={min} step={step} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A message that appears after an action: errors interrupt (role=alert), success is polite. */
export function Notice({ kind, children, focus }: { kind: "error" | "success"; children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const style = kind === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-brand-700 bg-brand-50 text-brand-900";
  return (
    <div ref={ref} tabIndex={focus ? -1 : undefined} role={kind === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${style}`}>
      {children}
    </div>
  );
}

/**
 * A button that asks once more before a consequential action, in the page rather than in a
 * browser dialog: the question is read out and focus moves to the confirming button.
 */
export function ConfirmButton({ label, question, onConfirm, disabled, className = dangerButton }: { label: string; question: string; onConfirm: () => void; disabled?: boolean; className?: string }) {
  const t = useTranslations("admin.common");
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={label} className="space-y-2 rounded border border-red-300 bg-red-50 p-3">
      <p className="text-sm text-red-900">{question}</p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t("confirm")}
        </button>
        <button type="button" className={secondaryButton} onClick={() => setAsking(false)}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

/** tRPC error → translated text (admin.errors.<code> for the reason `admin.<code>`). */
export function useErrorMessage() {
  const t = useTranslations("admin.errors");
  return (error: { message: string; data?: { code?: string } | null } | null | undefined): string | null => {
    if (!error) return null;
    const reason = reasonOf(error);
    if (reason?.startsWith("admin.")) return t(reason.slice("admin.".length) as AdminErrorCode);
    if (error.data?.code === "UNAUTHORIZED") return t("signedOut");
    if (error.data?.code === "SERVICE_UNAVAILABLE") return t("unavailable");
    if (error.data?.code === "FORBIDDEN") return t("forbidden");
    return t("unexpected");
  };
}
