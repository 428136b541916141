"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldErrors, ReportFormValues } from "@/server/domain/reporter/report-form.ts";
import { ErrorList, FormTextField } from "./form-fields.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";
import { CheckField, SelectField } from "@/components/ui/field.tsx";

/**
 * The 4W+1H of a report (what, who, where, when, how, evidence, witnesses): the same fields
 * and names for the portal form and the Sekretariat's offline intake, read by readReportForm.
 * `hints` adds the guidance written for reporters; the clerk's form goes without.
 */
export function ReportContentFields({
  values: v,
  errors,
  hints,
  personsHint,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  hints: boolean;
  personsHint: string;
}) {
  const t = useTranslations("report");
  const e = (field: string) => errors[field];
  return (
    <>
      <Fieldset large legend={t("whatLegend")}>
        <FormTextField
          id="what"
          name="what"
          label={t("what")}
          hint={hints ? t("whatHint") : undefined}
          required
          rows={7}
          defaultValue={v.what}
          errors={e("what")}
        />
      </Fieldset>

      <Fieldset large legend={t("personsLegend")} hint={personsHint}>
        <ErrorList id="persons-error" field="persons" errors={e("persons")} />
        {v.persons.map((p, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-2">
            <p className="font-semibold sm:col-span-2">{t("personN", { n: i + 1 })}</p>
            <FormTextField
              id={`personName-${i}`}
              name="personName"
              label={t("personName")}
              required={i === 0}
              defaultValue={p.name}
              errors={e(`person.${i}.name`)}
            />
            <FormTextField
              id={`personPosition-${i}`}
              name="personPosition"
              label={t("personPosition")}
              defaultValue={p.position}
              errors={e(`person.${i}.position`)}
            />
          </div>
        ))}
      </Fieldset>

      <Fieldset large legend={t("whereWhenLegend")}>
        <FormTextField id="where" name="where" label={t("where")} defaultValue={v.where} errors={e("where")} />
        <FormTextField
          id="when"
          name="when"
          label={t("when")}
          hint={t("whenHint")}
          defaultValue={v.when}
          errors={e("when")}
        />
      </Fieldset>
    </>
  );
}

const HOW_FIELDS = [
  ["how", 4],
  ["evidence", 3],
  ["witnesses", 2],
] as const;

/** The last 4W+1H group: how it happened, evidence and witnesses, then the form's file input (`children`). */
export function HowFields({
  values: v,
  errors,
  hints,
  children,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  hints: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("report");
  return (
    <Fieldset large legend={t("howLegend")}>
      {HOW_FIELDS.map(([name, rows]) => (
        <FormTextField
          key={name}
          id={name}
          name={name}
          label={t(name)}
          hint={hints ? t(`${name}Hint`) : undefined}
          rows={rows}
          defaultValue={v[name]}
          errors={errors[name]}
        />
      ))}
      {children}
    </Fieldset>
  );
}

/** The category, chosen from `options` ([value, label]); required, checked by the server. */
export function CategoryField({
  value,
  errors,
  options,
}: {
  value: string;
  errors: FieldErrors;
  options: [string, string][];
}) {
  const t = useTranslations("report");
  return (
    <Fieldset large legend={t("categoryLegend")}>
      <SelectField
        id="category"
        label={t("category")}
        softRequired
        defaultValue={value}
        options={options}
        error={errors.category?.length ? <ErrorList field="category" errors={errors.category} /> : undefined}
      >
        <option value="">{t("categoryChoose")}</option>
      </SelectField>
    </Fieldset>
  );
}

/**
 * Anonymous or confidential, and then who the reporter is. The portal and the intake word it
 * for their readers (`ns`: both namespaces hold the same keys); the field names are the same.
 */
export function IdentityFields({
  ns,
  values: v,
  errors,
  nameAutoComplete,
}: {
  ns: "report" | "intake";
  values: ReportFormValues;
  errors: FieldErrors;
  nameAutoComplete?: string;
}) {
  const t = useTranslations(ns as "report");
  return (
    <Fieldset large legend={t("identityLegend")}>
      <div className="space-y-3">
        <CheckField
          strong
          id="identity-anonymous"
          type="radio"
          name="identityMode"
          value="ANONYMOUS"
          defaultChecked={v.identityMode !== "CONFIDENTIAL"}
          label={t("anonymous")}
          hint={t("anonymousHint")}
        />
        <CheckField
          strong
          id="identity-confidential"
          type="radio"
          name="identityMode"
          value="CONFIDENTIAL"
          defaultChecked={v.identityMode === "CONFIDENTIAL"}
          label={t("confidential")}
          hint={t("confidentialHint")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormTextField
          id="identityName"
          name="identityName"
          label={t("identityName")}
          hint={t("identityOnlyConfidential")}
          defaultValue={v.identityName}
          errors={errors.identityName}
          autoComplete={nameAutoComplete}
        />
        <FormTextField
          id="identityContact"
          name="identityContact"
          label={t("identityContact")}
          hint={t("identityOnlyConfidential")}
          defaultValue={v.identityContact}
          errors={errors.identityContact}
        />
      </div>
    </Fieldset>
  );
}
