import type { Prisma } from "../generated/prisma/client.ts";
import type { CaseStatus, Category, Channel } from "../generated/prisma/enums.ts";

/** The plain columns of a case the statistics count; each statistics test adds what it needs. */
export interface StatisticsCaseRow {
  id: string;
  receivedAt: Date;
  category: Category;
  channel: Channel;
  status: CaseStatus;
}

/**
 * The transitions the statistics read of such a case: entered (step 1) by the reporter at
 * `enteredAt`, then moved by the system to its status at `movedAt` (none for a submitted case).
 */
export function statisticsTimeline(
  c: StatisticsCaseRow,
  enteredAt: Date,
  movedAt: Date,
  fromStatus?: CaseStatus,
): Prisma.TimelineEventCreateManyInput[] {
  const entered = { caseId: c.id, kind: "TRANSITION", toStatus: "SUBMITTED", step: 1, actorKind: "REPORTER" } as const;
  if (c.status === "SUBMITTED") return [{ ...entered, createdAt: enteredAt }];
  return [
    { ...entered, createdAt: enteredAt },
    { caseId: c.id, kind: "TRANSITION", fromStatus, toStatus: c.status, actorKind: "SYSTEM", createdAt: movedAt },
  ];
}
