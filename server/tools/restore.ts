/**
 * npm run restore -- <file> — restores a backup (npm run backup) into an EMPTY database:
 * PostgreSQL when DATABASE_URL is set, else a new embedded data directory
 * ($LENTERA_DATA_DIR/pglite; no server may run on it). The keys must be in place first
 * (npm run keys:import, or the environment): the restore refuses when they are not the ones
 * the backup's data was written under. See server/backup/restore.ts for the steps.
 * Prints one line and exits 0 only after the restored data was verified; a refusal or failure
 * is one line on stderr, exit 1.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, env } from "../env.ts";
import { restoreBackup } from "../backup/restore.ts";
import { BackupFileError } from "../backup/archive.ts";
import { describeManifest } from "../backup/describe.ts";
import { runCommand } from "./run-command.ts";

async function main(): Promise<void> {
  const [arg, ...extra] = process.argv.slice(2);
  if (!arg || extra.length) throw new ConfigError("usage: npm run restore -- <file>");
  const file = path.resolve(arg);
  if (!fs.existsSync(file)) throw new ConfigError(`${file} does not exist`);
  const config = env();
  const where =
    config.database.kind === "pglite"
      ? `the embedded database in ${config.database.dataDir}`
      : "the PostgreSQL database of DATABASE_URL";
  const result = await restoreBackup({ file, target: config.database, secrets: config });
  console.log(
    `Restored ${file} into ${where} and verified it: ${describeManifest(result.manifest)}. Start the server (npm start); it applies any newer migrations.`,
  );
}

runCommand(main, {
  refusals: [BackupFileError],
  failure: (err) => `Restore failed, nothing was restored: ${err.message.split("\n")[0]}`,
});
