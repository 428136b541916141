/**
 * The Sekretariat's offline-intake form, read from a multipart post: the portal's 4W+1H
 * fields (readReportForm) plus channel, time received and "wants a tracking code". The
 * good-faith statement is the reporter's own declaration on the portal and is not asked here.
 */
import { z } from "zod";
import { OFFLINE_CHANNELS, type intakeInput } from "../../domain/cases/intake.ts";
import { formKey } from "../../domain/idempotency.ts";
import { readReportForm } from "../../domain/reporter/report-form.ts";
import type { SettingValue } from "../../domain/settings.ts";
import type { IntakeFormValues, SourceErrors } from "./intake-form-state.ts";
import { officeInstant } from "../../../lib/zoned-time.ts";

/** The clerk's clock may run a little ahead (the domain allows the same grace). */
const GRACE_MS = 5 * 60_000;

export function readIntakeForm(fd: FormData, limits: SettingValue<"uploads.limits">, timeZone: string, now: Date) {
  const { values: report, errors, report: parsed, files, idempotencyKey: posted } = readReportForm(fd, limits);
  const idempotencyKey = formKey(posted);
  delete errors.goodFaith;
  const channelValue = typeof fd.get("channel") === "string" ? String(fd.get("channel")) : "";
  const receivedValue = typeof fd.get("receivedAt") === "string" ? String(fd.get("receivedAt")) : "";
  const values: IntakeFormValues = {
    ...report,
    goodFaith: false,
    channel: channelValue,
    receivedAt: receivedValue,
    wantsTrackingCode: fd.get("wantsTrackingCode") === "on",
  };

  const sourceErrors: SourceErrors = {};
  const channel = z.enum(OFFLINE_CHANNELS).safeParse(channelValue);
  if (!channel.success) sourceErrors.channel = "required";
  const receivedAt = officeInstant(receivedValue, timeZone);
  if (!receivedAt) sourceErrors.receivedAt = "required";
  else if (receivedAt.getTime() > now.getTime() + GRACE_MS) sourceErrors.receivedAt = "future";

  const valid = parsed && channel.success && receivedAt && Object.keys(sourceErrors).length === 0;
  const input: z.infer<typeof intakeInput> | undefined = valid
    ? { idempotencyKey, channel: channel.data, receivedAt, report: parsed, wantsTrackingCode: values.wantsTrackingCode }
    : undefined;
  return { values, errors, sourceErrors, input, files, idempotencyKey };
}
