/** Labelled form fields whose hint and error are announced with them (ids are stable for tests and assistive technology). */
import { useTranslations } from "next-intl";
import type { ChangeEvent, ReactNode } from "react";

export const inputClass = (invalid = false) =>
  `mt-1 block w-full rounded border bg-white px-3 py-2 disabled:bg-slate-100 disabled:text-slate-600 ${invalid ? "border-red-700" : "border-slate-500"}`;

/** Ids of the hint and error of a field, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: ReactNode): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** What every field's control carries: its name (its id unless said), its hint and error read with it. */
function controlProps(id: string, name: string | undefined, hint: ReactNode, error?: ReactNode) {
  return {
    id,
    name: name ?? id,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? (true as const) : undefined,
  };
}

/** A control's change handler that hands on its value. */
const onValue = (onChange?: (value: string) => void) =>
  onChange
    ? (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(e.target.value)
    : undefined;

/**
 * The label holds the field's name, so `getByLabel(name)` finds it; the visible star and
 * "optional" sit beside it. A field the server checks (`softRequired`) also says "required"
 * inside its label, since it carries no `required` attribute for the browser to announce.
 */
export function FieldLabel({
  htmlFor,
  children,
  required,
  softRequired,
  optionalText,
}: {
  htmlFor: string;
  children: ReactNode;
  required?: boolean;
  softRequired?: boolean;
  optionalText?: string;
}) {
  return (
    <p>
      <label htmlFor={htmlFor} className="font-semibold">
        {children}
        {softRequired ? <RequiredText /> : null}
      </label>
      {required || softRequired ? (
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

function RequiredText() {
  const t = useTranslations("ui");
  return <span className="sr-only"> ({t("required")})</span>;
}

/** A line under a field's label (`-hint`) or under the field (`-error`), named for aria-describedby; nothing without text. */
function FieldNote({ id, className, children }: { id: string; className: string; children?: ReactNode }) {
  return children ? (
    <div id={id} className={className}>
      {children}
    </div>
  ) : null;
}

export const FieldHint = ({ id, children }: { id: string; children?: ReactNode }) => (
  <FieldNote id={`${id}-hint`} className="text-sm text-slate-700">
    {children}
  </FieldNote>
);

export const FieldError = ({ id, error }: { id: string; error?: ReactNode }) => (
  <FieldNote id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
    {error}
  </FieldNote>
);

interface TextFieldProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the field and marks it invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Required, but checked by the server only (`aria-required`), so the form still posts and shows every error at once. */
  softRequired?: boolean;
  optionalText?: string;
  type?: "text" | "email" | "url" | "number" | "time" | "date" | "tel" | "datetime-local" | "password";
  rows?: number;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  inputMode?: "numeric" | "decimal" | "text";
  autoComplete?: string;
  autoCapitalize?: "none" | "characters";
  spellCheck?: boolean;
  maxLength?: number;
  min?: number;
  step?: string;
  disabled?: boolean;
  className?: string;
}

/** A labelled input or textarea, controlled (`value`) or not (`defaultValue`). */
export function TextField({
  id,
  name,
  label,
  hint,
  error,
  required,
  softRequired,
  optionalText,
  type = "text",
  rows,
  value,
  defaultValue,
  onChange,
  inputMode,
  autoComplete = "off",
  autoCapitalize,
  spellCheck,
  maxLength,
  min,
  step,
  disabled,
  className,
}: TextFieldProps) {
  const common = {
    ...controlProps(id, name, hint, error),
    value,
    defaultValue,
    disabled,
    // The server enforces the limits; the browser's maxLength only saves a round trip.
    maxLength,
    autoComplete,
    autoCapitalize,
    spellCheck,
    required,
    "aria-required": softRequired || undefined,
    className: inputClass(Boolean(error)),
    onChange: onValue(onChange),
  };
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} required={required} softRequired={softRequired} optionalText={optionalText}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      {rows ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input type={type} inputMode={inputMode} min={min} step={step} {...common} />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled select; `children` come first (a "choose…" or "any" option), then `options` as [value, text]. */
export function SelectField({
  id,
  name,
  label,
  required,
  softRequired,
  defaultValue,
  value,
  onChange,
  children,
  options = [],
  hint,
  error,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  required?: boolean;
  softRequired?: boolean;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  children?: ReactNode;
  options?: readonly (readonly [string, string])[];
  hint?: ReactNode;
  error?: ReactNode;
}) {
  return (
    <div>
      <FieldLabel htmlFor={id} required={required} softRequired={softRequired}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      <select
        {...controlProps(id, name, hint, error)}
        required={required}
        defaultValue={defaultValue}
        value={value}
        onChange={onValue(onChange)}
        className={inputClass(Boolean(error))}
      >
        {children}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A checkbox or radio button with its label and an explanation read with it. */
export function CheckField({
  id,
  name,
  label,
  defaultChecked,
  checked,
  onChange,
  value,
  type = "checkbox",
  disabled,
  hint,
  strong,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  defaultChecked?: boolean;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  value?: string;
  type?: "checkbox" | "radio";
  disabled?: boolean;
  hint?: ReactNode;
  strong?: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        {...controlProps(id, name, hint)}
        type={type}
        value={value}
        defaultChecked={defaultChecked}
        checked={checked}
        disabled={disabled}
        onChange={onChange ? (e) => onChange(e.currentTarget.checked) : undefined}
        className="mt-1.5 h-4 w-4 shrink-0"
      />
      <div>
        <label htmlFor={id} className={disabled ? "text-slate-600" : strong ? "font-semibold" : undefined}>
          {label}
        </label>
        <FieldHint id={id}>{hint}</FieldHint>
      </div>
    </div>
  );
}
