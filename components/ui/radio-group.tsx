import type { ReactNode } from "react";
import { CheckField } from "./field.tsx";
import { Fieldset } from "./fieldset.tsx";

export interface RadioOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
  hint?: ReactNode;
}

/**
 * One choice of a few, as radio buttons under a legend. Each button's id is `idPrefix` and the
 * value in kebab case (`REQUEST_INFO` → `…-request-info`).
 */
export function RadioGroup({
  legend,
  name,
  idPrefix,
  options,
  checked,
  defaultChecked,
  onChange,
}: {
  legend: string;
  name: string;
  idPrefix: string;
  options: readonly RadioOption[];
  /** Controlled: the chosen value, with `onChange`. */
  checked?: string;
  defaultChecked?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Fieldset legend={legend}>
      {options.map(({ value, ...option }) => (
        <CheckField
          key={value}
          {...option}
          type="radio"
          id={`${idPrefix}-${value.toLowerCase().replaceAll("_", "-")}`}
          name={name}
          value={value}
          checked={checked === undefined ? undefined : checked === value}
          defaultChecked={defaultChecked === undefined ? undefined : defaultChecked === value}
          onChange={onChange ? (on) => on && onChange(value) : undefined}
        />
      ))}
    </Fieldset>
  );
}
