/**
 * Started once by the server (server/startup.ts): the backup socket for `npm run backup` on
 * the embedded database, and the daily scheduled backup.
 */
import type { Env } from "../env.ts";
import { getDbHandle } from "../db.ts";
import { startBackupControl } from "./control-socket.ts";
import { removeLeftoverCopies } from "./server-backup.ts";
import { scheduleBackups } from "./scheduled-backup.ts";

export function startBackupServices(config: Env): void {
  if (config.database.kind === "pglite") {
    void removeLeftoverCopies(config.dataDir);
    startBackupControl(config.dataDir, getDbHandle);
  }
  scheduleBackups(config);
}
