/** The scheduled backups' state, for Admin (settings page) and Pengawas (dashboard). */
import { staffProcedure, router } from "../trpc/init.ts";
import { getSetting } from "../domain/settings.ts";
import { backupHealth, readBackupStatus } from "../domain/backup-schedule.ts";

export const backupRouter = router({
  status: staffProcedure("readBackupStatus").query(async ({ ctx }) => {
    const schedule = await getSetting(ctx.db, "backup.schedule");
    const status = await readBackupStatus(ctx.db);
    return { schedule, status, health: backupHealth(new Date(), schedule, status) };
  }),
});
