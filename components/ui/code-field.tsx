import type { Ref } from "react";
import { describedBy } from "./field.tsx";

interface CodeFieldProps {
  id: string;
  label: string;
  hint: string;
  /** Shown under the field and read out at once (role="alert"). */
  error?: string;
  /** Marks the field invalid when the error is shown elsewhere (a form-wide message). */
  invalid?: boolean;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  autoComplete: string;
  autoCapitalize?: "none" | "characters";
  inputMode?: "numeric" | "text";
  maxLength?: number;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A field for a code typed from a paper or an app (tracking code, one-time code): large monospaced letters, no spell check. */
export function CodeField({ id, label, hint, error, invalid, onChange, inputRef, ...input }: CodeFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      <input
        id={id}
        name="code"
        ref={inputRef}
        {...input}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        spellCheck={false}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error || invalid ? true : undefined}
        className="mt-1 w-full rounded border border-slate-500 px-3 py-2 font-mono text-lg tracking-widest"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
