/**
 * `npm run keys:rotate`: replaces the master key without stopping the service.
 *
 * Embedded (master key in secrets.json): the first run puts a fresh key into secrets.json with
 * the old one as previousMasterKey. Then, if the server is stopped, this tool re-wraps
 * everything itself; if the server runs (it holds the database directory), the server takes
 * the new key over from the file and re-wraps in the background (server/keys/rotation-job.ts),
 * and this tool says so. Whoever finishes removes previousMasterKey from the file.
 *
 * Environment configuration (PostgreSQL): the tool cannot change the environment, so the
 * operator sets the new key as LENTERA_MASTER_KEY and the old one as
 * LENTERA_MASTER_KEY_PREVIOUS on every instance and restarts them (one at a time: each
 * accepts both states), then runs this tool, which re-wraps next to the running servers.
 *
 * Interrupted at any point, running it again (or starting the embedded server) resumes.
 */
import type { Env } from "../env.ts";
import { ConfigError, loadEnv } from "../env.ts";
import { openDb, type DbHandle } from "../db.ts";
import { DataDirLockedError } from "../data-dir-lock.ts";
import { masterKeyring, masterKeyVersion } from "../domain/crypto.ts";
import { rotateMasterKey, totalOf, type RotateOptions } from "../domain/key-rotation.ts";
import { dropPreviousFromFile, newMasterKeyInFile } from "./master-key-file.ts";

type Say = (line: string) => void;

/** Opens the database with the secrets checked (which also records a new key); null when a running server holds it. */
async function openChecked(config: Env): Promise<DbHandle | null> {
  try {
    return await openDb(config.database, { migrate: false, secrets: config });
  } catch (e) {
    if (e instanceof DataDirLockedError) return null;
    throw e;
  }
}

function serverDoesIt(say: Say) {
  say(
    "The running server holds the database directory, so it does the re-wrapping itself: it takes the new key over from secrets.json within a minute and re-wraps everything in the background, without a restart.",
  );
  say("Watch its log for “master key rotation finished” (audit trail: keys.rotation.finish). Nothing more to do here.");
}

export interface RotateCommandOptions {
  source?: Record<string, string | undefined>;
  /** Tests: batch size and a hook after each batch. */
  rotate?: Partial<Omit<RotateOptions, "by">>;
}

/** Returns the process exit code. */
export async function runRotateCommand(say: Say, options: RotateCommandOptions = {}): Promise<number> {
  let config = loadEnv(options.source);
  let handle: DbHandle | null | undefined;
  if (config.generatedSecrets.length > 0)
    throw new ConfigError(
      `${config.secretsFile} does not exist: there is no installation here to rotate (set LENTERA_DATA_DIR or DATABASE_URL)`,
    );
  const fromFile = config.secretOrigins.LENTERA_MASTER_KEY === "file";

  if (!config.secrets.masterKey.previous) {
    if (!fromFile) {
      say("LENTERA_MASTER_KEY comes from the environment, which this tool cannot change. To rotate:");
      say("  1. generate a new key: openssl rand -base64 32");
      say(
        "  2. on every instance set LENTERA_MASTER_KEY=<new key> and LENTERA_MASTER_KEY_PREVIOUS=<current key>, and restart it (one at a time; the service stays up);",
      );
      say("  3. run `npm run keys:rotate` again: it re-wraps everything while the servers run;");
      say("  4. when it reports the rotation finished, remove LENTERA_MASTER_KEY_PREVIOUS and export the keys again.");
      return 1;
    }
    // Opened first when it can be: the current key is checked against the database before anything changes.
    handle = await openChecked(config);
    const keys = newMasterKeyInFile(config.secretsFile);
    say(
      `A new master key (version ${masterKeyVersion(masterKeyring(keys))}) is in ${config.secretsFile}; the current one stays there as previousMasterKey until nothing needs it.`,
    );
    say("Export the keys again now (npm run keys:export -- <file>): an older export does not hold the new key.");
    config = loadEnv(options.source);
  }

  if (handle === undefined) handle = await openChecked(config);
  if (!handle) {
    serverDoesIt(say);
    return 0;
  }
  try {
    const keys = config.secrets.masterKey;
    say(`Re-wrapping under master key version ${masterKeyVersion(masterKeyring(keys))}…`);
    const result = await rotateMasterKey(handle.db, keys, {
      by: "keys:rotate",
      ...options.rotate,
      afterBatch: async (batches, done) => {
        if (batches % 20 === 0) say(`  ${totalOf(done)} re-wrapped so far`);
        await options.rotate?.afterBatch?.(batches, done);
      },
    });
    const r = result.rewrapped;
    if (result.state === "already finished") say("The rotation had already finished.");
    else
      say(
        `Master key rotation finished: re-wrapped ${r.caseKeys} case key(s), ${r.letterKeys} letter key(s), ${r.totpSecrets} TOTP secret(s) in ${result.batches} batch(es).`,
      );
    if (fromFile) {
      dropPreviousFromFile(config.secretsFile, masterKeyring(keys));
      say(`The previous master key is no longer needed and was removed from ${config.secretsFile}.`);
    } else {
      say(
        "The previous master key is no longer needed: remove LENTERA_MASTER_KEY_PREVIOUS from every instance's environment (at the next convenient restart).",
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}
