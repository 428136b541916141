import { describe, expect, it } from "vitest";
import {
  backupDue,
  backupHealth,
  BACKUP_SCHEDULE_DEFAULT,
  EMPTY_STATUS,
  filesToPrune,
  scheduledFileName,
  type BackupStatus,
} from "./backup-schedule.ts";
import { parseSetting } from "./settings.ts";
import { settingDefaults } from "./settings-defaults.ts";
import { toSettingIssues } from "./admin/settings-admin.ts";
import { settingSchemas } from "./settings.ts";

const TZ = "Asia/Jakarta";
const on = { ...BACKUP_SCHEDULE_DEFAULT, enabled: true, directory: "/srv/backup", timeOfDay: "02:00" };
const status = (s: Partial<BackupStatus>): BackupStatus => ({ ...EMPTY_STATUS, ...s });

describe("backup schedule", () => {
  it("is off by default and a valid setting", () => {
    expect(settingDefaults["backup.schedule"].enabled).toBe(false);
    expect(parseSetting("backup.schedule", settingDefaults["backup.schedule"])).toEqual(BACKUP_SCHEDULE_DEFAULT);
  });

  it("needs an absolute directory when enabled", () => {
    const issues = (value: unknown) =>
      toSettingIssues(settingSchemas["backup.schedule"].safeParse(value).error?.issues ?? []);
    expect(issues({ ...on, directory: "backups" })).toEqual([{ path: "directory", code: "absolute_path" }]);
    expect(issues({ ...on, enabled: false, directory: "" })).toEqual([]);
    expect(issues({ ...on, timeOfDay: "2:00", keep: 0 })).toEqual([
      { path: "timeOfDay", code: "time" },
      { path: "keep", code: "positive" },
    ]);
  });

  it("is due once per office day, from the set time (office time zone)", () => {
    // 01:59 and 02:00 in Jakarta (UTC+7) on 2 December 2026.
    expect(backupDue(new Date("2026-12-01T18:59:00Z"), on, TZ, null)).toBe(false);
    expect(backupDue(new Date("2026-12-01T19:00:00Z"), on, TZ, null)).toBe(true);
    expect(backupDue(new Date("2026-12-01T19:00:00Z"), on, TZ, "2026-12-01")).toBe(true);
    expect(backupDue(new Date("2026-12-01T23:00:00Z"), on, TZ, "2026-12-02")).toBe(false);
    expect(backupDue(new Date("2026-12-01T19:00:00Z"), { ...on, enabled: false }, TZ, null)).toBe(false);
  });

  it("names files by office time and prunes only its own files beyond the newest N", () => {
    expect(scheduledFileName(new Date("2026-12-01T19:05:00Z"), TZ)).toBe("lentera-backup-20261202-0205.zip");
    const names = [
      "lentera-backup-20261130-0200.zip",
      "notes.txt",
      "lentera-backup-20261202-0200.zip",
      "lentera-backup-20261201-0200.zip",
      "lentera-backup-20261201-0200.zip.partial",
    ];
    expect(filesToPrune(names, 2)).toEqual(["lentera-backup-20261130-0200.zip"]);
    expect(filesToPrune(names, 5)).toEqual([]);
  });

  it("is loud about a failure or a missing success", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(backupHealth(now, BACKUP_SCHEDULE_DEFAULT, status({}))).toBe("off");
    expect(backupHealth(now, on, status({}))).toBe("pending");
    expect(backupHealth(now, on, status({ lastSuccessAt: "2026-12-01T19:01:00.000Z" }))).toBe("ok");
    expect(
      backupHealth(
        now,
        on,
        status({ lastSuccessAt: "2026-12-01T19:01:00.000Z", lastFailureAt: "2026-12-02T11:00:00.000Z" }),
      ),
    ).toBe("failed");
    expect(backupHealth(now, on, status({ lastSuccessAt: "2026-11-30T19:01:00.000Z" }))).toBe("overdue");
  });
});
