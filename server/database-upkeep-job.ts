/**
 * Nightly VACUUM and ANALYZE of the embedded database (server/domain/database-upkeep.ts) at the
 * hour of the nightly retention run (Setting `retention.archive`, its `runAt` whether or not
 * the rule is enabled), on the office's clock. PostgreSQL runs its own autovacuum: not there.
 */
import { getDb } from "./db.ts";
import { schedulePeriodicCheck } from "./periodic-check.ts";
import { vacuumAndAnalyze } from "./domain/database-upkeep.ts";
import { dailyRunDue } from "./domain/retention/period.ts";
import { getSetting } from "./domain/settings.ts";

const CHECK_EVERY = 10 * 60_000;

export function scheduleDatabaseUpkeep() {
  // Undefined until the first check: a server started after tonight's hour waits for the next
  // night instead of vacuuming in the working day.
  let lastRunDate: string | null | undefined;
  schedulePeriodicCheck("database upkeep", CHECK_EVERY, async () => {
    const db = await getDb();
    const [rule, hours] = await Promise.all([getSetting(db, "retention.archive"), getSetting(db, "office.hours")]);
    const { due, officeDate } = dailyRunDue(new Date(), rule.runAt, hours.timeZone, lastRunDate ?? null);
    if (lastRunDate === undefined) lastRunDate = due ? officeDate : null;
    else if (due) {
      await vacuumAndAnalyze(db);
      lastRunDate = officeDate;
    }
  });
}
