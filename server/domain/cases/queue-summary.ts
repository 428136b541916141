/**
 * The staff home's figures: the reader's queue (its next cases and how many), how many of those
 * are overdue, and how many cases the reader may see. Counting the three lists costs more than
 * the rest of the page at 100 000 cases, and a reader reloads the home more often than anything
 * changes, so the summary is kept per reader until the audit trail moves (every change of a
 * case or of who may see it is audited in its own transaction) and at most a few seconds (a
 * case turns overdue by the clock alone).
 */
import type { Db } from "../../db.ts";
import { auditHead } from "../audit-head.ts";
import { cached } from "../statistics/cache.ts";
import type { StaffRef } from "./access.ts";
import { listCases } from "./queue.ts";

/** Cases listed on the home. */
export const NEXT_ROWS = 5;

/** How long a summary may serve while nothing was audited (the clock's overdue flag). */
export const QUEUE_SUMMARY_TTL_MS = 10_000;

export async function queueSummary(db: Db, staff: StaffRef, now = new Date()) {
  const head = await auditHead(db);
  // What changes the answer: the reader (exclusions), their roles (queue, scope) and the trail.
  const key = `queue:${staff.id}:${[...staff.roles].sort().join(",")}:${head}`;
  return cached(key, () => countQueue(db, staff, now), QUEUE_SUMMARY_TTL_MS);
}

async function countQueue(db: Db, staff: StaffRef, now: Date) {
  const [mine, overdue, visible] = await Promise.all([
    listCases(db, staff, { mine: true, pageSize: NEXT_ROWS }, now),
    listCases(db, staff, { mine: true, overdue: true, pageSize: 1 }, now),
    listCases(db, staff, { pageSize: 1 }, now),
  ]);
  const figure = (l: { total: number; totalIsLimited: boolean }) => ({
    total: l.total,
    totalIsLimited: l.totalIsLimited,
  });
  return {
    mine: { rows: mine.rows, ...figure(mine) },
    overdue: figure(overdue),
    visible: figure(visible),
  };
}
