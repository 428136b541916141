import type { ReactNode } from "react";

/** A group of fields under one legend; `large` for the sections of a long form. */
export function Fieldset({
  legend,
  hint,
  large,
  children,
}: {
  legend: string;
  hint?: ReactNode;
  large?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={`rounded border border-slate-300 ${large ? "space-y-4 p-4" : "space-y-2 p-3"}`}>
      <legend className={`px-1 ${large ? "text-lg font-bold text-brand-900" : "font-semibold"}`}>{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}
