"use server";

import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { readReportForm } from "@/server/domain/reporter/report-form.ts";
import { formKey } from "@/server/domain/idempotency.ts";
import { submitPortalReport } from "@/server/domain/reporter/submit-report.ts";
import { getSetting } from "@/server/domain/settings.ts";
import { settingDefaults } from "@/server/domain/settings-defaults.ts";
import type { ReportFormState } from "@/server/http/portal/form-state.ts";
import { handleFormPost } from "@/server/http/portal/form-post.ts";
import { sanitizeFiles } from "@/server/http/portal/uploads.ts";
import { publicFailure } from "@/server/security/internal-errors.ts";

/** Step 1 from the portal form; works as a plain form post without JavaScript. */
export async function submitReport(previous: ReportFormState, fd: FormData): Promise<ReportFormState> {
  return handleFormPost(
    fd,
    "report",
    () => submit(previous, fd),
    () => {
      // Files cannot come back as typed; everything else does.
      const { values, idempotencyKey } = readReportForm(fd, settingDefaults["uploads.limits"]);
      return {
        kind: "form",
        values,
        errors: {},
        idempotencyKey: formKey(idempotencyKey),
        failed: "unavailable",
        attempt: (previous.kind === "form" ? previous.attempt : 0) + 1,
      };
    },
  );
}

async function submit(previous: ReportFormState, fd: FormData): Promise<ReportFormState> {
  const db = await getDb();
  const limits = await getSetting(db, "uploads.limits");
  const { values, errors, report, files, idempotencyKey: posted } = readReportForm(fd, limits);
  const idempotencyKey = formKey(posted);
  const attempt = (previous.kind === "form" ? previous.attempt : 0) + 1;
  // Files are decoded only when everything else is valid: a refused form costs no image work.
  const sanitized = report && Object.keys(errors).length === 0 ? await sanitizeFiles(files, limits, errors) : [];
  if (!report || Object.keys(errors).length > 0) return { kind: "form", values, errors, idempotencyKey, attempt };
  try {
    const receipt = await submitPortalReport(db, env().secrets, { report, files: sanitized, idempotencyKey });
    return { kind: "receipt", receipt };
  } catch (error) {
    // Nothing was stored (one transaction); a fault is logged by its kind, never the report.
    const failure = publicFailure(error, "report submission");
    if (failure.code === "UNAVAILABLE") throw error;
    // The same key again: a resend after "busy" cannot make a second case.
    return {
      kind: "form",
      values,
      errors: {},
      idempotencyKey,
      failed: failure.code === "BUSY" ? "busy" : "server",
      attempt,
    };
  }
}
