/**
 * The embedded server's part in a master-key rotation. The server holds the PGlite directory
 * for as long as it runs, so `npm run keys:rotate` cannot re-wrap while it is up; instead
 * - the tool writes the new key into secrets.json (the old one kept as previousMasterKey), and
 *   this job, which looks at the file every 30 seconds, takes it over without a restart: it
 *   records the new key in the database (secret_checks) first, then switches the process's
 *   keyring, so requests open rows under either key and seal under the new one;
 * - at start, and after such a switch, it re-wraps whatever is still under the previous key in
 *   small batches (server/domain/key-rotation.ts), so a rotation interrupted by a crash or a
 *   stop resumes by itself; when done it removes previousMasterKey from secrets.json.
 * So an embedded rotation needs neither a stop nor a restart.
 *
 * With PostgreSQL several server instances may share the database and none can see the
 * others' configuration: an instance that began re-wrapping would lock out any instance still
 * holding only the old key. There the operator restarts every instance with both keys first and
 * then runs `npm run keys:rotate`, which works next to the running servers; this job does nothing.
 */
import { env, type Env } from "../env.ts";
import { getDb, type Db } from "../db.ts";
import { masterKeyring } from "../domain/crypto.ts";
import { beginRotation, rotateMasterKey, totalOf } from "../domain/key-rotation.ts";
import { dropPreviousFromFile, rotationInFile } from "./master-key-file.ts";

const POLL_MS = 30_000;
/** After a switch, requests that began under the old keyring finish before re-wrapping starts. */
const GRACE_MS = 10_000;

let running = false;

const firstLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : "unknown error");

/** Re-wraps what is still under the previous key, then forgets that key (memory and file). Exported for tests. */
export async function rewrapInServer(config: Env, db: () => Promise<Db>): Promise<void> {
  if (running || !config.secrets.masterKey.previous) return;
  running = true;
  try {
    const keys = config.secrets.masterKey;
    const result = await rotateMasterKey(await db(), keys, { by: "server" });
    // The previous key is no longer needed: out of memory and out of the file.
    const current = masterKeyring(keys);
    if (config.secrets.masterKey === keys) config.secrets.masterKey = current;
    if (config.secretOrigins.LENTERA_MASTER_KEY === "file") dropPreviousFromFile(config.secretsFile, current);
    console.log(
      `Lentera: master key rotation finished; re-wrapped ${totalOf(result.rewrapped)} value(s) (${result.rewrapped.caseKeys} case keys, ${result.rewrapped.letterKeys} letter keys, ${result.rewrapped.totpSecrets} TOTP secrets); the previous key is no longer needed.`,
    );
  } catch (e) {
    console.error(`Lentera: master key rotation paused (${firstLine(e)}); it resumes at the next start or new key.`);
  } finally {
    running = false;
  }
}

/** Takes over a new key written into secrets.json by `npm run keys:rotate` while this server runs; true when it did. Exported for tests. */
export async function adoptNewKeyFromFile(config: Env, db: () => Promise<Db>): Promise<boolean> {
  if (running) return false;
  const inFile = rotationInFile(config.secretsFile);
  const held = masterKeyring(config.secrets.masterKey);
  if (!inFile || !inFile.previous?.equals(held) || masterKeyring(inFile).equals(held)) return false;
  running = true;
  try {
    await beginRotation(await db(), inFile); // the database knows the new key before anything is sealed under it
    config.secrets.masterKey = inFile;
    console.log("Lentera: new master key taken over from secrets.json; re-wrapping begins shortly.");
  } catch (e) {
    console.error(`Lentera: the new master key in ${config.secretsFile} was not taken over (${firstLine(e)}).`);
    return false;
  } finally {
    running = false;
  }
  return true;
}

export function startMasterKeyRotationJob(): void {
  const config = env();
  if (config.database.kind !== "pglite") return;
  if (config.secrets.masterKey.previous) setTimeout(() => void rewrapInServer(config, getDb), 5_000).unref();
  if (config.secretOrigins.LENTERA_MASTER_KEY === "file") {
    const poll = async () => {
      if (await adoptNewKeyFromFile(config, getDb))
        setTimeout(() => void rewrapInServer(config, getDb), GRACE_MS).unref();
    };
    setInterval(
      () =>
        void poll().catch((e: unknown) =>
          console.error(`Lentera: reading ${config.secretsFile} failed (${firstLine(e)})`),
        ),
      POLL_MS,
    ).unref();
  }
}
