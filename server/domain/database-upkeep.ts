/**
 * Upkeep PostgreSQL does by itself (autovacuum) and embedded PGlite does not: without it the
 * planner keeps the row counts of the last ANALYZE, and the visibility map that lets the queue's
 * capped count read its index alone is never set for new rows, so queries slowly fall back to
 * reading the table as cases accumulate. A plain VACUUM (not FULL) only marks reusable space and
 * visible pages; it rewrites nothing and keeps no lock readers wait for, but PGlite runs one
 * statement at a time, so the job runs it at night.
 */
import type { Db } from "../db.ts";

export async function vacuumAndAnalyze(db: Db): Promise<void> {
  // VACUUM cannot run inside a transaction; a bare statement through the client is not in one.
  await db.$executeRawUnsafe("VACUUM (ANALYZE)");
}

/**
 * Whether tonight's upkeep runs on this check, and the office date to remember as done.
 * `lastRunDate` is undefined before the first check: a server started after tonight's hour
 * counts tonight as done and waits for the next night instead of vacuuming in the working day.
 */
export function upkeepStep(
  lastRunDate: string | null | undefined,
  check: { due: boolean; officeDate: string },
): { run: boolean; lastRunDate: string | null } {
  if (lastRunDate === undefined) return { run: false, lastRunDate: check.due ? check.officeDate : null };
  if (!check.due) return { run: false, lastRunDate };
  return { run: true, lastRunDate: check.officeDate };
}
