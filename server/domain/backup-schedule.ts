/**
 * Scheduled backups: the setting (`backup.schedule`), when a run is due, the files' names
 * and which old ones to delete, and the record of the last run that Admin and Pengawas see.
 * Pure rules here; the job that acts on them is server/backup/scheduled-backup.ts.
 */
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db.ts";
import { zonedParts } from "./office-time.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");

export const backupScheduleSchema = z
  .object({
    enabled: z.boolean(),
    /** Absolute path of the directory the backups go to (ideally another disk). */
    directory: z.string().max(500),
    /** Office time zone wall-clock time of the daily run. */
    timeOfDay: hhmm,
    /** How many scheduled backups to keep; older ones are deleted after a successful run. */
    keep: z.number().int().positive().max(365),
  })
  .superRefine((v, ctx) => {
    if (v.enabled && !path.isAbsolute(v.directory.trim()))
      ctx.addIssue({ code: "custom", path: ["directory"], message: "must be an absolute directory path" });
  });
export type BackupSchedule = z.output<typeof backupScheduleSchema>;

export const BACKUP_SCHEDULE_DEFAULT: BackupSchedule = { enabled: false, directory: "", timeOfDay: "02:00", keep: 7 };

const FILE_PATTERN = /^lentera-backup-(\d{8})-(\d{4})\.zip$/;

/** lentera-backup-YYYYMMDD-HHMM.zip in office time: sorts by time, one per minute at most. */
export function scheduledFileName(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const hh = String(Math.floor(p.minutes / 60)).padStart(2, "0");
  const mm = String(p.minutes % 60).padStart(2, "0");
  return `lentera-backup-${p.date.replaceAll("-", "")}-${hh}${mm}.zip`;
}

/** Scheduled backup files among `names` beyond the newest `keep` (other files are never touched). */
export function filesToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => FILE_PATTERN.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}

/** Whether today's run (office date) is due: enabled, the time reached, not yet tried today. */
export function backupDue(
  now: Date,
  schedule: BackupSchedule,
  timeZone: string,
  lastAttemptDay: string | null,
): boolean {
  if (!schedule.enabled) return false;
  const p = zonedParts(now, timeZone);
  const [h, m] = schedule.timeOfDay.split(":").map(Number) as [number, number];
  return p.minutes >= h * 60 + m && lastAttemptDay !== p.date;
}

export const officeDay = (at: Date, timeZone: string) => zonedParts(at, timeZone).date;

// --- The last run -------------------------------------------------------------------------

/** Kept in the settings table under a key Admin does not edit. */
export const BACKUP_STATUS_KEY = "backup.status";

export const backupStatusSchema = z.object({
  /** Office date of the last attempt: a day is tried once, also across restarts. */
  lastAttemptDay: z.string().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastSuccessFile: z.string().nullable(),
  lastSuccessSummary: z.string().nullable(),
  lastFailureAt: z.iso.datetime().nullable(),
  lastFailureReason: z.string().nullable(),
});
export type BackupStatus = z.output<typeof backupStatusSchema>;

/** The status before any backup was attempted. */
export const EMPTY_STATUS: BackupStatus = {
  lastAttemptDay: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastSuccessFile: null,
  lastSuccessSummary: null,
  lastFailureAt: null,
  lastFailureReason: null,
};

export async function readBackupStatus(db: Pick<Db, "setting">): Promise<BackupStatus> {
  const row = await db.setting.findUnique({ where: { key: BACKUP_STATUS_KEY } });
  const parsed = backupStatusSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...EMPTY_STATUS };
}

export async function writeBackupStatus(db: Pick<Db, "setting">, status: BackupStatus): Promise<void> {
  await db.setting.upsert({
    where: { key: BACKUP_STATUS_KEY },
    create: { key: BACKUP_STATUS_KEY, value: status },
    update: { value: status },
  });
}

/** What the staff pages show. `alarm`: the last run failed, or an enabled schedule has not succeeded for over a day. */
export function backupHealth(
  now: Date,
  schedule: BackupSchedule,
  status: BackupStatus,
): "off" | "ok" | "failed" | "overdue" | "pending" {
  if (!schedule.enabled) return "off";
  const success = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : null;
  const failure = status.lastFailureAt ? Date.parse(status.lastFailureAt) : null;
  if (failure !== null && (success === null || failure > success)) return "failed";
  if (success === null) return "pending";
  return now.getTime() - success > 26 * 3_600_000 ? "overdue" : "ok";
}
