/** A new report (portal or offline intake) waits for the Sekretariat to record it (step 2). */
import { CaseStatus, NotificationKind } from "../../generated/prisma/enums.ts";
import type { Tx } from "../tx.ts";
import { notifyCase } from "./notify.ts";
import { rolesAtWork } from "../policy/policy.ts";

export async function notifyNewReport(tx: Tx, r: { caseId: string; enteredBy: string | null; dueAt: Date; now: Date }) {
  await notifyCase(tx, {
    caseId: r.caseId,
    kind: NotificationKind.NEW_REPORT,
    roles: rolesAtWork(CaseStatus.SUBMITTED),
    exceptUserId: r.enteredBy,
    status: CaseStatus.SUBMITTED,
    step: 2,
    dueAt: r.dueAt,
    now: r.now,
  });
}
