/**
 * Step 1 for offline reports: the Sekretariat enters a report that came
 * by SMS, phone, email, the suggestion box or in person. A tracking code is made only if
 * the reporter wants to follow the case on the portal; it is shown once, to pass on.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import { OFFLINE_CHANNELS } from "./channels.ts";
import { DomainError } from "../errors.ts";
import { IDEMPOTENCY_KEY, once } from "../idempotency.ts";
import { generateTrackingCode, normaliseTrackingCode, trackingHash } from "../tracking-code.ts";
import type { SanitizedFile } from "../uploads/sanitize.ts";
import type { StaffContext } from "./acting.ts";
import { createCase, prepareCase } from "./create-case.ts";
import { reportSchema } from "./report-content.ts";

export { OFFLINE_CHANNELS };

export const intakeInput = z.object({
  /** The form's key: a double post creates one case and shows the same tracking code again. */
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
  channel: z.enum(OFFLINE_CHANNELS),
  receivedAt: z.coerce.date(),
  report: reportSchema,
  wantsTrackingCode: z.boolean(),
});

export async function intakeOfflineReport(
  db: Db,
  ctx: StaffContext & { trackingKey: Buffer },
  input: z.infer<typeof intakeInput>,
  files: readonly SanitizedFile[] = [],
) {
  // A few minutes' grace for the clerk's clock.
  if (input.receivedAt.getTime() > ctx.now.getTime() + 5 * 60_000)
    throw new DomainError("case.receivedInFuture", "the report cannot be received in the future");
  const trackingCode = input.wantsTrackingCode ? generateTrackingCode() : null;
  // Sealed and hashed before the transaction, which only inserts.
  const prepared = prepareCase(
    ctx.masterKey,
    {
      report: input.report,
      channel: input.channel,
      receivedAt: input.receivedAt,
      files,
      trackingHash: trackingCode ? trackingHash(ctx.trackingKey, normaliseTrackingCode(trackingCode)!) : null,
      createdBy: { id: ctx.staff.id, username: ctx.staff.username },
    },
    ctx.now,
  );
  return once(db, "case.intake", input.idempotencyKey, ctx.now, async (tx) => {
    const created = await createCase(tx, prepared, ctx.now);
    return { result: { id: created.id, reference: created.reference, trackingCode }, caseId: created.id };
  });
}
