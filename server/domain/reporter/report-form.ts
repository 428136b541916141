/**
 * The portal's report form, read from a multipart post (works without JavaScript): the
 * values to show again on error, per-field error codes, and the validated report. File
 * bytes are checked later by content (uploads/sanitize.ts); here only count and size.
 */
import { IdentityMode } from "../../generated/prisma/enums.ts";
import { reportSchema, type ReportInput } from "../cases/report-content.ts";
import type { SettingValue } from "../settings.ts";

/** Person rows offered by the form (more can be named in the description). */
export const PERSON_ROWS = 3;

export interface ReportFormValues {
  category: string;
  what: string;
  where: string;
  when: string;
  how: string;
  evidence: string;
  witnesses: string;
  persons: { name: string; position: string }[];
  identityMode: string;
  identityName: string;
  identityContact: string;
  involvesLeadership: boolean;
  goodFaith: boolean;
}

export interface FieldError {
  code:
    | "required"
    | "too_long"
    | "too_many"
    | "too_large"
    | "total_too_large"
    | "unsupported_type"
    | "damaged"
    | "unsafe"
    | "busy"
    | "empty";
  max?: number;
  /** File the error is about. */
  file?: string;
}
export type FieldErrors = Record<string, FieldError[]>;

export const emptyReportValues = (): ReportFormValues => ({
  category: "",
  what: "",
  where: "",
  when: "",
  how: "",
  evidence: "",
  witnesses: "",
  persons: Array.from({ length: PERSON_ROWS }, () => ({ name: "", position: "" })),
  identityMode: IdentityMode.ANONYMOUS,
  identityName: "",
  identityContact: "",
  involvesLeadership: false,
  goodFaith: false,
});

const str = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
};

/** The files actually chosen (a form posted without a choice carries one empty entry). */
export function chosenFiles(fd: FormData, name = "files"): File[] {
  // An unused input arrives as an empty file named "" (plain post) or "undefined" (React's encoding).
  return fd
    .getAll(name)
    .filter((f): f is File => typeof f !== "string" && (f.size > 0 || (f.name !== "" && f.name !== "undefined")));
}

export function addError(errors: FieldErrors, field: string, error: FieldError) {
  (errors[field] ??= []).push(error);
}

/** Count and size limits for files of one post; content is checked by sanitizeUpload. */
export function checkFileLimits(
  files: File[],
  limits: SettingValue<"uploads.limits">,
  errors: FieldErrors,
  field = "files",
) {
  if (files.length > limits.maxFilesPerReport)
    addError(errors, field, { code: "too_many", max: limits.maxFilesPerReport });
  for (const f of files) {
    if (f.size === 0) addError(errors, field, { code: "empty", file: f.name });
    else if (f.size > limits.maxFileBytes)
      addError(errors, field, { code: "too_large", file: f.name, max: limits.maxFileBytes });
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxTotalBytes && !errors[field]?.length)
    addError(errors, field, { code: "total_too_large", max: limits.maxTotalBytes });
}

export function readReportForm(fd: FormData, limits: SettingValue<"uploads.limits">) {
  const names = fd.getAll("personName").map(String);
  const positions = fd.getAll("personPosition").map(String);
  const values: ReportFormValues = {
    category: str(fd, "category"),
    what: str(fd, "what"),
    where: str(fd, "where"),
    when: str(fd, "when"),
    how: str(fd, "how"),
    evidence: str(fd, "evidence"),
    witnesses: str(fd, "witnesses"),
    persons: Array.from({ length: Math.max(PERSON_ROWS, Math.min(names.length, 10)) }, (_, i) => ({
      name: names[i] ?? "",
      position: positions[i] ?? "",
    })),
    identityMode: str(fd, "identityMode") || IdentityMode.ANONYMOUS,
    identityName: str(fd, "identityName"),
    identityContact: str(fd, "identityContact"),
    involvesLeadership: fd.get("involvesLeadership") === "on",
    goodFaith: fd.get("goodFaith") === "on",
  };
  const errors: FieldErrors = {};
  // Rows left blank are not persons; a row with only a position still needs a name.
  const filled = values.persons.map((p, row) => ({ ...p, row })).filter((p) => p.name.trim() || p.position.trim());
  const parsed = reportSchema.safeParse({
    category: values.category || undefined,
    content: {
      what: values.what,
      persons: filled.map(({ name, position }) => ({ name, position })),
      where: values.where,
      when: values.when,
      how: values.how,
      evidence: values.evidence,
      witnesses: values.witnesses,
    },
    identityMode: values.identityMode,
    identity:
      values.identityMode === IdentityMode.CONFIDENTIAL
        ? { name: values.identityName, contact: values.identityContact }
        : undefined,
    involvesLeadership: values.involvesLeadership,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, second, index, leaf] = issue.path.map(String);
      const field =
        head === "content" && second === "persons"
          ? index === undefined
            ? "persons"
            : `person.${filled[Number(index)]?.row ?? 0}.${leaf}`
          : head === "content"
            ? second!
            : head === "identity"
              ? `identity${second === "contact" ? "Contact" : "Name"}`
              : head!;
      const code = (["required", "too_long", "too_many"] as const).find((c) => c === issue.message) ?? "required";
      addError(errors, field, { code, ...(issue.code === "too_big" ? { max: Number(issue.maximum) } : {}) });
    }
  }
  if (!values.goodFaith) addError(errors, "goodFaith", { code: "required" });
  const files = chosenFiles(fd);
  checkFileLimits(files, limits, errors);
  const report: ReportInput | undefined = parsed.success ? parsed.data : undefined;
  return { values, errors, report, files, idempotencyKey: str(fd, "idempotencyKey") };
}
