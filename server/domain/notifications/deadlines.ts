/**
 * The periodic check of running steps: a step whose due time is within the configured margin
 * gets one "due soon" notice, a step past its due time one "overdue" notice, each to the step's
 * role(s) and the Pengawas. The mark on the step record is set by a conditional update in the
 * same transaction as the notices, so two instances checking at once notify once.
 */
import type { Db } from "../../db.ts";
import { NotificationKind } from "../../generated/prisma/enums.ts";
import { RUNNING_STEP } from "../cases/status-machine.ts";
import { notifyCase } from "./notify.ts";
import { loadTiming } from "./notification-settings.ts";
import { deadlineRoles } from "./recipients.ts";

export async function notifyDeadlines(db: Db, now = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const { dueSoonMinutes } = await loadTiming(db);
  const soon = new Date(now.getTime() + dueSoonMinutes * 60_000);
  const steps = await db.stepRecord.findMany({
    where: {
      completedAt: null,
      dueAt: { lte: soon },
      OR: [{ dueSoonNotifiedAt: null }, { overdueNotifiedAt: null }],
      case: { pausedAt: null },
    },
    select: {
      id: true,
      caseId: true,
      step: true,
      dueAt: true,
      dueSoonNotifiedAt: true,
      overdueNotifiedAt: true,
      case: { select: { status: true } },
    },
    orderBy: { dueAt: "asc" },
    take: 500,
  });
  const counts = { dueSoon: 0, overdue: 0 };
  for (const s of steps) {
    // Only the step whose clock runs in the case's current status (a paused or moved case has none).
    if (RUNNING_STEP[s.case.status] !== s.step) continue;
    const overdue = s.dueAt <= now;
    const kind = overdue ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON;
    if (overdue ? s.overdueNotifiedAt : s.dueSoonNotifiedAt) continue;
    const done = await db.$transaction(async (tx) => {
      // Overdue also settles "due soon": a step found late is not told it is nearly late.
      const mark = overdue
        ? { overdueNotifiedAt: now, dueSoonNotifiedAt: s.dueSoonNotifiedAt ?? now }
        : { dueSoonNotifiedAt: now };
      const { count } = await tx.stepRecord.updateMany({
        where: {
          id: s.id,
          completedAt: null,
          ...(overdue ? { overdueNotifiedAt: null } : { dueSoonNotifiedAt: null }),
        },
        data: mark,
      });
      if (count !== 1) return false;
      await notifyCase(tx, {
        caseId: s.caseId,
        kind,
        roles: deadlineRoles(s.case.status),
        status: s.case.status,
        step: s.step,
        dueAt: s.dueAt,
        now,
      });
      return true;
    });
    if (done) counts[overdue ? "overdue" : "dueSoon"]++;
  }
  return counts;
}
