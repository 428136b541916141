/** A new report (portal or offline intake) waits for the Sekretariat to record it (step 2). */
import { CaseStatus, NotificationKind } from "../../generated/prisma/enums.ts";
import type { Tx } from "../tx.ts";
import { notifyCase } from "./notify.ts";
import { rolesAtWork } from "../policy/policy.ts";

export async function notifyNewReport(
  tx: Tx,
  r: {
    caseId: string;
    reference: string;
    involvesLeadership: boolean;
    enteredBy: string | null;
    dueAt: Date;
    now: Date;
  },
) {
  await notifyCase(tx, {
    caseId: r.caseId,
    // The case was made in this transaction: its facts are known and no one is excluded yet.
    known: { reference: r.reference, involvesLeadership: r.involvesLeadership, excludedUserIds: [] },
    kind: NotificationKind.NEW_REPORT,
    roles: rolesAtWork(CaseStatus.SUBMITTED),
    exceptUserId: r.enteredBy,
    status: CaseStatus.SUBMITTED,
    step: 2,
    dueAt: r.dueAt,
    now: r.now,
  });
}
