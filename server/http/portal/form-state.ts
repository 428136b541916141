/** Shapes passed between the portal's server actions and its form components (types only). */
import type { FieldErrors, ReportFormValues } from "../../domain/reporter/report-form.ts";
import type { Receipt } from "../../domain/reporter/submit-report.ts";

export type { FieldError, FieldErrors, ReportFormValues } from "../../domain/reporter/report-form.ts";
export type { Receipt } from "../../domain/reporter/submit-report.ts";

export type ReportFormState =
  | {
      kind: "form";
      values: ReportFormValues;
      errors: FieldErrors;
      idempotencyKey: string;
      failed?: "server" | "busy" | "unavailable";
      attempt: number;
    }
  | { kind: "receipt"; receipt: Receipt };

export interface TrackFormState {
  code: string;
  error?: "malformed" | "unknown" | "rate_limited" | "server" | "unavailable";
}

export interface ReplyFormState {
  body: string;
  errors: FieldErrors;
  idempotencyKey: string;
  sent?: boolean;
  failed?: "server" | "closed" | "unavailable";
  attempt: number;
}
