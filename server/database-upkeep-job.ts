/**
 * Nightly VACUUM and ANALYZE of the embedded database (server/domain/database-upkeep.ts) at the
 * hour of the nightly retention run (Setting `retention.archive`, its `runAt` whether or not
 * the rule is enabled), on the office's clock. PostgreSQL runs its own autovacuum: not there.
 */
import { getDb } from "./db.ts";
import { schedulePeriodicCheck } from "./periodic-check.ts";
import { upkeepStep, vacuumAndAnalyze } from "./domain/database-upkeep.ts";
import { dailyRunDue } from "./domain/retention/period.ts";
import { getSetting } from "./domain/settings.ts";

const CHECK_EVERY = 10 * 60_000;

export function scheduleDatabaseUpkeep() {
  let lastRunDate: string | null | undefined;
  schedulePeriodicCheck("database upkeep", CHECK_EVERY, async () => {
    const db = await getDb();
    const [rule, hours] = await Promise.all([getSetting(db, "retention.archive"), getSetting(db, "office.hours")]);
    const step = upkeepStep(lastRunDate, dailyRunDue(new Date(), rule.runAt, hours.timeZone, lastRunDate ?? null));
    if (step.run) await vacuumAndAnalyze(db);
    lastRunDate = step.lastRunDate;
  });
}
