/**
 * Daily retention run (server/domain/retention/run.ts) at the hour Setting `retention.archive`
 * names, on the office's clock (Setting `office.hours` time zone). A check every ten minutes
 * starts the run once per office date; several instances may each run it, which is harmless
 * (each case is destroyed once, under its row lock).
 */
import { getDb } from "./db.ts";
import { schedulePeriodicCheck } from "./periodic-check.ts";
import { dailyRunDue } from "./domain/retention/period.ts";
import { runRetention } from "./domain/retention/run.ts";
import { getSetting } from "./domain/settings.ts";

const CHECK_EVERY = 10 * 60_000;

export function scheduleRetention() {
  let lastRunDate: string | null = null;
  schedulePeriodicCheck(
    "retention run",
    CHECK_EVERY,
    async () => {
      const db = await getDb();
      const [rule, hours] = await Promise.all([getSetting(db, "retention.archive"), getSetting(db, "office.hours")]);
      const now = new Date();
      const { due, officeDate } = dailyRunDue(now, rule.runAt, hours.timeZone, lastRunDate);
      if (!rule.enabled || !due) return;
      const result = await runRetention(db, now);
      lastRunDate = officeDate;
      if (result.destroyed.length)
        console.log(
          `Lentera: retention rule destroyed the content of ${result.destroyed.length} archived case(s): ${result.destroyed.map((d) => d.reference).join(", ")}`,
        );
      // Not marked as a finished day's run when a case failed: the next check tries again.
      if (result.failed.length) {
        lastRunDate = null;
        console.error(
          `Lentera: retention failed for ${result.failed.map((f) => `${f.reference} (${f.error})`).join(", ")}`,
        );
      }
    },
    2 * 60_000,
  );
}
