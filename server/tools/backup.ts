/**
 * npm run backup -- <file> — a consistent backup of the app database (server/backup/), taken
 * while the server runs.
 * - PostgreSQL (DATABASE_URL): connects directly and reads one snapshot.
 * - Embedded PGlite: the running server holds the data directory, so the server is asked
 *   over its backup socket (server/backup/control-socket.ts) to stream the backup here; when
 *   no server runs, the directory is opened here, under its lock.
 * Secrets are never in a backup: save them separately (npm run keys:export).
 * Prints one line and exits 0; a failure is one line on stderr, exit 1, and no file is left.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, env } from "../env.ts";
import { openDb } from "../db.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { writeBackup } from "../backup/snapshot.ts";
import { writeBackupFile } from "../backup/backup-file.ts";
import { controlSocketPath, requestServerBackup } from "../backup/control-socket.ts";
import { describeManifest } from "../backup/describe.ts";
import type { Manifest } from "../backup/archive.ts";
import { runCommand } from "./run-command.ts";

class NoServer extends Error {}

async function backupDirectly(file: string): Promise<Manifest> {
  const { database } = env();
  const handle = await openDb(database, { migrate: false });
  try {
    return await writeBackupFile(file, (sink) => writeBackup(handle.db, sink, { backend: handle.backend }));
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const [arg, ...extra] = process.argv.slice(2);
  if (!arg || extra.length) throw new ConfigError("usage: npm run backup -- <file>");
  const file = path.resolve(arg);
  if (fs.existsSync(file))
    throw new ConfigError(`${file} already exists; choose a new file name (a backup never overwrites one)`);
  const config = env();
  let manifest: Manifest;
  let via = "";
  if (config.database.kind === "pglite") {
    const { dataDir } = config.database;
    if (!fs.existsSync(dataDir))
      throw new ConfigError(
        `No embedded database at ${dataDir}; set DATABASE_URL or LENTERA_DATA_DIR to the installation's database`,
      );
    try {
      manifest = await writeBackupFile(file, async (sink) => {
        if ((await requestServerBackup(config.dataDir, sink)).kind === "no-server") throw new NoServer();
      });
      via = " (from the running server)";
    } catch (e) {
      if (!(e instanceof NoServer)) throw e;
      // Nothing answered on the socket: no server runs, so open the directory here.
      try {
        manifest = await backupDirectly(file);
      } catch (err) {
        if (err instanceof DataDirLockedError)
          throw new ConfigError(
            `${err.message.replace(/; stop it first.*$/, "")}, and it did not answer on ${controlSocketPath(config.dataDir)}; is it an older Lentera? stop it and run the backup again`,
          );
        throw err;
      }
    }
  } else {
    manifest = await backupDirectly(file);
  }
  console.log(`Backup written to ${file}${via}: ${describeManifest(manifest)}`);
}

runCommand(main, { failure: (err) => `Backup failed: ${err.message.split("\n")[0]}` });
