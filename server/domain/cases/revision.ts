/**
 * A case's revision: a number that grows with every change a case page shows (each move
 * raises the case's version; every other change — message, draft, meeting outcome,
 * exclusion — writes a timeline entry). Reading it reads no case content, so it is not
 * audited and a page may poll it cheaply to learn that what it shows is out of date.
 */
import type { Db } from "../../db.ts";
import type { Tx } from "../tx.ts";
import { assertCaseVisible, type StaffRef } from "./access.ts";

export interface CaseRevision {
  status: string;
  revision: number;
}

/** The revision of a case the user may see (otherwise "not found", as for the case itself). */
export async function caseRevision(db: Db | Tx, staff: StaffRef, caseId: string): Promise<CaseRevision> {
  await assertCaseVisible(db, staff, caseId);
  const [row, events] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true } }),
    db.timelineEvent.count({ where: { caseId } }),
  ]);
  return { status: row.status, revision: row.version + events };
}
