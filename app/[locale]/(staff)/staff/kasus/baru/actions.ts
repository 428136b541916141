"use server";

import { workingStaff } from "@/server/auth/staff-session.ts";
import { getDb } from "@/server/db.ts";
import { env } from "@/server/env.ts";
import { intakeOfflineReport } from "@/server/domain/cases/intake.ts";
import { getSetting } from "@/server/domain/settings.ts";
import { settingDefaults } from "@/server/domain/settings-defaults.ts";
import { handleFormPost } from "@/server/http/portal/form-post.ts";
import { sanitizeFiles } from "@/server/http/portal/uploads.ts";
import { readIntakeForm } from "@/server/http/staff/intake-form.ts";
import type { IntakeFormState } from "@/server/http/staff/intake-form-state.ts";
import { staffContextOf } from "@/server/http/staff/staff-context.ts";
import { may } from "@/server/domain/policy/policy.ts";
import { publicFailure } from "@/server/security/internal-errors.ts";

/** Step 1 for a report that came by SMS, phone, email, the suggestion box or in person (Sekretariat). */
export async function submitIntake(previous: IntakeFormState, fd: FormData): Promise<IntakeFormState> {
  // During an outage the session could not even be checked: the form comes back as typed.
  return handleFormPost(
    fd,
    "intake",
    () => submit(previous, fd),
    () => {
      const { values, idempotencyKey } = readIntakeForm(
        fd,
        settingDefaults["uploads.limits"],
        settingDefaults["office.hours"].timeZone,
        new Date(),
      );
      return {
        kind: "form",
        values,
        errors: {},
        sourceErrors: {},
        idempotencyKey,
        attempt: (previous.kind === "form" ? previous.attempt : 0) + 1,
        failed: "unavailable",
      };
    },
  );
}

async function submit(previous: IntakeFormState, fd: FormData): Promise<IntakeFormState> {
  const db = await getDb();
  const now = new Date();
  const [limits, hours] = await Promise.all([getSetting(db, "uploads.limits"), getSetting(db, "office.hours")]);
  const { values, errors, sourceErrors, input, files, idempotencyKey } = readIntakeForm(
    fd,
    limits,
    hours.timeZone,
    now,
  );
  const attempt = (previous.kind === "form" ? previous.attempt : 0) + 1;
  const form = (extra: Partial<Extract<IntakeFormState, { kind: "form" }>> = {}): IntakeFormState => ({
    kind: "form",
    values,
    errors,
    sourceErrors,
    idempotencyKey,
    attempt,
    ...extra,
  });

  // Checked on every post: the session may have ended or the role been removed since the page loaded.
  const staff = await workingStaff(db);
  if (!staff || !may(staff.roles, "recordIntake")) return form({ failed: "forbidden" });
  // Files are decoded only when everything else is valid: a refused form costs no image work.
  const sanitized = input && Object.keys(errors).length === 0 ? await sanitizeFiles(files, limits, errors) : [];
  if (!input || Object.keys(errors).length > 0) return form();
  try {
    const ctx = { ...staffContextOf(staff, now), trackingKey: env().secrets.trackingKey };
    const created = await intakeOfflineReport(db, ctx, input, sanitized);
    return { kind: "done", caseId: created.id, reference: created.reference, trackingCode: created.trackingCode };
  } catch (error) {
    // Nothing was stored (one transaction); a fault is logged by its kind, never the report.
    const failure = publicFailure(error, "offline intake");
    if (failure.reason === "case.receivedInFuture")
      return form({ sourceErrors: { ...sourceErrors, receivedAt: "future" } });
    if (failure.code === "UNAVAILABLE") throw error;
    return form({ failed: failure.code === "BUSY" ? "busy" : "server" });
  }
}
