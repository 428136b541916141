/** Labelled form fields for the action panel (ids are stable for tests and assistive technology). */
import type { ReactNode } from "react";
import { inputClass } from "./ui.tsx";

interface TextProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  defaultValue?: string;
  maxLength?: number;
  type?: "text" | "datetime-local" | "date";
  optionalText?: string;
}

/** The label holds the field's name only (so `getByLabel(name, { exact: true })` finds it); the required star and "optional" sit beside it. */
function Label({ id, label, required, optionalText }: { id: string; label: string; required?: boolean; optionalText?: string }) {
  return (
    <p>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {required ? (
        <span aria-hidden="true" className="font-semibold text-red-800">
          {" "}
          *
        </span>
      ) : optionalText ? (
        <span className="text-slate-700"> ({optionalText})</span>
      ) : null}
    </p>
  );
}

export function TextInput({ id, name, label, hint, required, rows, defaultValue, maxLength, type = "text", optionalText }: TextProps) {
  const common = { id, name: name ?? id, required, defaultValue, maxLength, "aria-describedby": hint ? `${id}-hint` : undefined, className: inputClass, autoComplete: "off" };
  return (
    <div>
      <Label id={id} label={label} required={required} optionalText={optionalText} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
    </div>
  );
}

export function Select({ id, name, label, required, defaultValue, children, hint }: { id: string; name?: string; label: string; required?: boolean; defaultValue?: string; children: ReactNode; hint?: string }) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select id={id} name={name ?? id} required={required} defaultValue={defaultValue} aria-describedby={hint ? `${id}-hint` : undefined} className={inputClass}>
        {children}
      </select>
    </div>
  );
}

export function Check({ id, name, label, defaultChecked, checked, onChange, value, type = "checkbox", disabled, hint }: { id: string; name?: string; label: ReactNode; defaultChecked?: boolean; checked?: boolean; onChange?: (checked: boolean) => void; value?: string; type?: "checkbox" | "radio"; disabled?: boolean; hint?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        defaultChecked={defaultChecked}
        checked={checked}
        disabled={disabled}
        onChange={onChange ? (e) => onChange(e.currentTarget.checked) : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1.5 h-4 w-4 shrink-0"
      />
      <div>
        <label htmlFor={id} className={disabled ? "text-slate-600" : undefined}>
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function Group({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="space-y-2 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}
