/** Shapes passed between the offline-intake server action and its form (types only). */
import type { FieldErrors, ReportFormValues } from "../../domain/reporter/report-form.ts";

export interface IntakeFormValues extends ReportFormValues {
  channel: string;
  /** datetime-local value in office time, e.g. "2026-11-28T09:30". */
  receivedAt: string;
  wantsTrackingCode: boolean;
}

/** Errors of the fields the portal form does not have. */
export interface SourceErrors {
  channel?: "required";
  receivedAt?: "required" | "future";
}

export type IntakeFormState =
  | {
      kind: "form";
      values: IntakeFormValues;
      errors: FieldErrors;
      sourceErrors: SourceErrors;
      idempotencyKey: string;
      attempt: number;
      failed?: "server" | "busy" | "forbidden" | "unavailable";
    }
  | { kind: "done"; caseId: string; reference: string; trackingCode: string | null };
