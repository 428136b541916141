/**
 * The daily backup job of the server (setting `backup.schedule`, off by default): once a
 * minute it checks whether today's run (office time zone) is due; the run writes
 * lentera-backup-YYYYMMDD-HHMM.zip into the configured directory, checks it, and then deletes
 * the scheduled backups beyond the newest `keep`. Each day is claimed in the database before
 * it runs, so a restart or a second instance does not run it twice. The outcome is recorded
 * (`backup.status`) for the staff pages and a failure is logged as an error. A failed day
 * is not retried (it could fail the same way every minute): the next run is the next day;
 * meanwhile `npm run backup` works by hand.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Env } from "../env.ts";
import { getDbHandle, type Db } from "../db.ts";
import { getSetting } from "../domain/settings.ts";
import {
  BACKUP_STATUS_KEY,
  backupDue,
  filesToPrune,
  officeDay,
  readBackupStatus,
  scheduledFileName,
  writeBackupStatus,
  type BackupStatus,
} from "../domain/backup-schedule.ts";
import { writeBackupFile } from "./backup-file.ts";
import { backupFromServer } from "./server-backup.ts";
import { describeManifest } from "./describe.ts";
import { isDatabaseUnavailable } from "../db-outage/classify.ts";

const oneLine = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0]! : String(e)).slice(0, 500);

/** Claims `day` for one run; false when another instance (or an earlier start) already did. */
async function claimDay(db: Db, day: string, now: Date): Promise<boolean> {
  const status = await readBackupStatus(db);
  if (status.lastAttemptDay === day) return false;
  await db.setting.createMany({ data: [{ key: BACKUP_STATUS_KEY, value: status }], skipDuplicates: true });
  const claimed = await db.$executeRaw`
    UPDATE settings SET value = jsonb_set(jsonb_set(value, '{lastAttemptDay}', to_jsonb(${day}::text)), '{lastAttemptAt}', to_jsonb(${now.toISOString()}::text)), updated_at = now()
     WHERE key = ${BACKUP_STATUS_KEY} AND (value->>'lastAttemptDay') IS DISTINCT FROM ${day}`;
  return claimed === 1;
}

async function record(db: Db, change: Partial<BackupStatus>): Promise<void> {
  await writeBackupStatus(db, { ...(await readBackupStatus(db)), ...change });
}

/** One scheduled run, now: returns the file written. Exported for tests and for the due check below. */
export async function runScheduledBackup(config: Pick<Env, "dataDir">, now = new Date()): Promise<string> {
  const handle = await getDbHandle();
  const schedule = await getSetting(handle.db, "backup.schedule");
  const { timeZone } = await getSetting(handle.db, "office.hours");
  const directory = schedule.directory.trim();
  try {
    await fs.mkdir(directory, { recursive: true, mode: 0o700 });
    const file = path.join(directory, scheduledFileName(now, timeZone));
    const manifest = await writeBackupFile(file, (sink) => backupFromServer(handle, sink, config.dataDir));
    const prune = filesToPrune(await fs.readdir(directory), schedule.keep);
    for (const name of prune) await fs.rm(path.join(directory, name), { force: true });
    await record(handle.db, {
      lastSuccessAt: new Date().toISOString(),
      lastSuccessFile: file,
      lastSuccessSummary: describeManifest(manifest),
    });
    console.log(
      `Lentera: scheduled backup written to ${file}: ${describeManifest(manifest)}${prune.length ? `; deleted ${prune.length} older backup(s)` : ""}`,
    );
    return file;
  } catch (e) {
    const reason = oneLine(e);
    await record(handle.db, { lastFailureAt: new Date().toISOString(), lastFailureReason: reason }).catch(() => {});
    console.error(`Lentera: SCHEDULED BACKUP FAILED (${directory || "no directory set"}): ${reason}`);
    throw e;
  }
}

async function tick(config: Env): Promise<void> {
  const db = (await getDbHandle()).db;
  const schedule = await getSetting(db, "backup.schedule");
  const { timeZone } = await getSetting(db, "office.hours");
  const now = new Date();
  const status = await readBackupStatus(db);
  if (!backupDue(now, schedule, timeZone, status.lastAttemptDay)) return;
  if (!(await claimDay(db, officeDay(now, timeZone), now))) return;
  await runScheduledBackup(config, now).catch(() => {}); // logged and recorded inside
}

export function scheduleBackups(config: Env): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await tick(config);
    } catch (e) {
      // Not knowing whether a backup is due during an outage is no failed backup: the outage is
      // logged once by the database monitor, and the next minute asks again.
      if (isDatabaseUnavailable(e)) return;
      console.error(`Lentera: SCHEDULED BACKUP FAILED: ${oneLine(e)}`);
    } finally {
      running = false;
    }
  };
  setInterval(run, 60_000).unref();
  setTimeout(run, 20_000).unref();
}
