"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldErrors, ReportFormValues } from "@/server/domain/reporter/report-form.ts";
import { ErrorList, FormTextField } from "./form-fields.tsx";
import { Fieldset } from "@/components/ui/fieldset.tsx";
import { CheckField, SelectField } from "@/components/ui/field.tsx";

/**
 * The category and the 4W+1H of a report (what, who, where, when, how, evidence, witnesses,
 * then the form's own file input, `files`): the same fields and names for the portal form and
 * the Sekretariat's offline intake, read by readReportForm. `hints` adds the guidance written
 * for reporters; the clerk's form goes without.
 */
export function ReportContentFields({
  values: v,
  errors,
  hints,
  personsHint,
  categories,
  files,
}: {
  values: ReportFormValues;
  errors: FieldErrors;
  hints: boolean;
  personsHint: string;
  /** The categories to choose from, as [value, label]. */
  categories: [string, string][];
  files: ReactNode;
}) {
  const t = useTranslations("report");
  const e = (field: string) => errors[field];
  return (
    <>
      <CategoryField value={v.category} errors={errors} options={categories} />

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

      <HowFields values={v} errors={errors} hints={hints}>
        {files}
      </HowFields>
    </>
  );
}

const HOW_FIELDS = [
  ["how", 4],
  ["evidence", 3],
  ["witnesses", 2],
] as const;

/** The last 4W+1H group: how it happened, evidence and witnesses, then the form's file input (`children`). */
function HowFields({
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
function CategoryField({
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

const IDENTITY_MODES = [
  ["ANONYMOUS", "anonymous"],
  ["CONFIDENTIAL", "confidential"],
] as const;

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
        {IDENTITY_MODES.map(([mode, key]) => (
          <CheckField
            strong
            key={mode}
            id={`identity-${key}`}
            type="radio"
            name="identityMode"
            value={mode}
            // Anonymous unless confidential was chosen.
            defaultChecked={(v.identityMode === "CONFIDENTIAL") === (mode === "CONFIDENTIAL")}
            label={t(key)}
            hint={t(`${key}Hint`)}
          />
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {(["identityName", "identityContact"] as const).map((name) => (
          <FormTextField
            key={name}
            id={name}
            name={name}
            label={t(name)}
            hint={t("identityOnlyConfidential")}
            defaultValue={v[name]}
            errors={errors[name]}
            autoComplete={name === "identityName" ? nameAutoComplete : undefined}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/**
 * Whether the report concerns the office's leadership (handled with the Pengawas, hidden from
 * the Kepala Dinas); its hint worded for the portal or the intake (`ns`).
 */
export function LeadershipField({ ns, checked }: { ns: "report" | "intake"; checked: boolean }) {
  const t = useTranslations(ns as "report");
  const r = useTranslations("report");
  return (
    <CheckField
      strong
      id="involvesLeadership"
      type="checkbox"
      name="involvesLeadership"
      defaultChecked={checked}
      label={r("leadership")}
      hint={t("leadershipHint")}
    />
  );
}
