"use client";

import { useTranslations } from "next-intl";
import { reasonOf } from "@/components/staff/reason.ts";
import { useState, type FormEvent } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/button.tsx";
import { FieldError, FieldHint, TextField, describedBy } from "@/components/ui/field.tsx";
import { ErrorAlert } from "@/components/ui/error-alert.tsx";

export const ROLES = ["SEKRETARIAT", "TIM_TELAAH", "TIM_AUDIT", "KEPALA_DINAS", "ADMIN", "PENGAWAS"] as const;
export type RoleName = (typeof ROLES)[number];

export interface UserFormValues {
  username: string;
  nip: string;
  name: string;
  rankGrade: string;
  position: string;
  roles: RoleName[];
}

export const EMPTY_USER: UserFormValues = { username: "", nip: "", name: "", rankGrade: "", position: "", roles: [] };

type FieldName = keyof UserFormValues;

/** The parts of a tRPC client error this form reads. */
export interface FormError {
  message: string;
  data?: { code?: string; fieldErrors?: Record<string, string[] | undefined> | null; reason?: string | null } | null;
}

interface UserFormProps {
  /** Prefix of the field ids: unique per form on the page. */
  idPrefix: string;
  mode: "create" | "edit";
  initial: UserFormValues;
  /** Editing one's own account: the ADMIN role cannot be removed. */
  isSelf?: boolean;
  pending: boolean;
  error: FormError | null;
  /** Translated text of a refusal that is not about one field. */
  errorText: string | null;
  onSubmit: (values: UserFormValues) => void;
  onCancel?: () => void;
}

/** Create or edit an account. The server validates; its field errors are shown next to each field. */
export function UserForm({
  idPrefix,
  mode,
  initial,
  isSelf,
  pending,
  error,
  errorText,
  onSubmit,
  onCancel,
}: UserFormProps) {
  const t = useTranslations("admin.users");
  const common = useTranslations("admin.common");
  const roleName = useTranslations("roles");
  const [values, setValues] = useState(initial);
  const set = (field: Exclude<FieldName, "roles">) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const id = (field: string) => `${idPrefix}-${field}`;

  const fieldErrors = error?.data?.fieldErrors ?? {};
  const fieldError = (field: FieldName): string | null => {
    if (field === "username" && reasonOf(error) === "admin.username_taken") return errorText;
    if (field === "nip" && reasonOf(error) === "admin.nip_taken") return errorText;
    return fieldErrors[field]?.length ? t(`fieldError.${field}`) : null;
  };
  const anyFieldError = (["username", "nip", "name", "rankGrade", "position", "roles"] as const).some((f) =>
    fieldError(f),
  );
  // A refusal that belongs to no field (e.g. self lock-out) is shown above the buttons.
  const formError = error && !anyFieldError ? errorText : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(values);
  }

  /** A text field's id, label, value and error. */
  const field = (name: Exclude<FieldName, "roles">) => ({
    id: id(name),
    label: t(name),
    value: values[name],
    onChange: set(name),
    error: fieldError(name),
  });

  const toggleRole = (role: RoleName, on: boolean) =>
    setValues((v) => ({ ...v, roles: on ? [...v.roles, role] : v.roles.filter((r) => r !== role) }));
  const rolesError = fieldError("roles");

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorAlert>{anyFieldError ? common("formErrors") : null}</ErrorAlert>
      {mode === "create" ? (
        <TextField {...field("username")} hint={t("usernameHint")} softRequired maxLength={32} />
      ) : null}
      <TextField {...field("name")} softRequired maxLength={150} autoComplete="off" />
      <TextField {...field("nip")} hint={t("nipHint")} inputMode="numeric" maxLength={24} />
      <TextField {...field("rankGrade")} hint={t("rankGradeHint")} maxLength={100} />
      <TextField {...field("position")} softRequired maxLength={200} />
      <fieldset
        aria-describedby={describedBy(id("roles"), t("rolesHint"), rolesError)}
        aria-invalid={rolesError ? true : undefined}
      >
        <legend className="font-semibold">
          {t("roles")}
          <span aria-hidden="true" className="text-red-800">
            {" "}
            *
          </span>
        </legend>
        <FieldHint id={id("roles")}>{t("rolesHint")}</FieldHint>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {ROLES.map((role) => {
            const locked = isSelf && role === "ADMIN" && initial.roles.includes("ADMIN");
            return (
              <li key={role} className="flex items-start gap-2">
                <input
                  id={id(`role-${role}`)}
                  type="checkbox"
                  className="mt-1 h-5 w-5"
                  checked={values.roles.includes(role)}
                  disabled={locked}
                  aria-describedby={locked ? id("self-admin") : undefined}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                />
                <label htmlFor={id(`role-${role}`)}>{roleName(role)}</label>
              </li>
            );
          })}
        </ul>
        {isSelf && initial.roles.includes("ADMIN") ? (
          <p id={id("self-admin")} className="mt-1 text-sm text-slate-700">
            {t("selfAdminHint")}
          </p>
        ) : null}
        {mode === "edit" ? <p className="mt-1 text-sm text-slate-700">{t("rolesSessionNote")}</p> : null}
        <FieldError id={id("roles")} error={rolesError} />
      </fieldset>
      <ErrorAlert>{formError}</ErrorAlert>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {mode === "create" ? (pending ? t("creating") : t("create")) : pending ? common("saving") : t("saveChanges")}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            {t("close")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
