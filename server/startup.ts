import { ConfigError, env } from "./env.ts";
import { getDb, getDbHandle, refuseToStart } from "./db.ts";
import { peerStampLoaded } from "./net/request-address.ts";
import { purgeExpiredBuckets } from "./domain/rate-buckets.ts";
import { autoArchiveUnacknowledged } from "./domain/cases/auto-archive.ts";
import { startBackupServices } from "./backup/start-backup-services.ts";
import { describeFailure, isDatabaseUnavailable } from "./db-outage/classify.ts";
import { setDatabaseLabel } from "./db-outage/health.ts";
import { installQuietErrorLog } from "./db-outage/quiet-log.ts";
import { installBusyPages } from "./http/busy-pages.ts";
import { scheduleMemoryLog } from "./memory-log.ts";
import { startMasterKeyRotationJob } from "./keys/rotation-job.ts";
import { scheduleNotifications } from "./notification-jobs.ts";
import { scheduleRetention } from "./retention-job.ts";
import { scheduleLetterRenderSweep } from "./letters-render-sweep.ts";
import { scheduleDatabaseUpkeep } from "./database-upkeep-job.ts";
import "./pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

const HOUR = 3_600_000;

/** Hourly: archive responded cases whose reporter never acknowledged. */
function scheduleAutoArchive() {
  const run = async () => {
    try {
      // Read at each run: a master-key rotation replaces the key while the server runs.
      const archived = await autoArchiveUnacknowledged(await getDb(), env().secrets.masterKey);
      if (archived.length)
        console.log(`Lentera: archived ${archived.length} case(s) not acknowledged in time: ${archived.join(", ")}`);
    } catch (e) {
      console.error(
        `Lentera: automatic archiving failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
      );
    }
  };
  setInterval(run, HOUR).unref();
  setTimeout(run, 60_000).unref();
}

/** Every 10 minutes: forget rate-limit counters whose window has ended. */
function schedulePurgeOfCounters() {
  const run = async () => {
    try {
      await purgeExpiredBuckets(await getDb());
    } catch (e) {
      console.error(`Lentera: purging rate-limit counters failed: ${e instanceof Error ? e.name : "unknown error"}`);
    }
  };
  setInterval(run, 10 * 60_000).unref();
}

/**
 * Bad configuration, a database directory held by another process, or secrets that do not
 * match the database stop the start with one clear line; a database outage does not
 * (requests retry, and the same checks run before the first one is served).
 */
export async function startServer() {
  let config;
  try {
    config = env();
  } catch (e) {
    if (e instanceof ConfigError) refuseToStart(e);
    throw e;
  }
  // Without the peer stamp the socket address is unknowable and every client would share one
  // throttle bucket (server/net/request-address.ts): refuse in production, warn otherwise.
  if (!peerStampLoaded()) {
    const line =
      "the client-address stamp is not loaded; start with `npm start` (node --import ./server/net/peer-stamp.mjs)";
    if (config.isProduction) {
      console.error(`Lentera cannot start: ${line}`);
      process.exit(1);
    }
    console.warn(`Lentera: ${line}`);
  }
  const where = config.database.kind === "pglite" ? `embedded PGlite in ${config.database.dataDir}` : "PostgreSQL";
  setDatabaseLabel(where);
  installQuietErrorLog();
  installBusyPages();
  const ready = async () => {
    const { applied } = await getDbHandle();
    console.log(
      `Lentera: database ready (${where})${applied.length ? `, applied ${applied.join(", ")}` : ""}; secrets from ${config.secretsSource}.`,
    );
    scheduleAutoArchive();
    schedulePurgeOfCounters();
    startBackupServices(config);
    startMasterKeyRotationJob();
    scheduleNotifications(config.authUrl ?? "http://localhost:3000");
    scheduleRetention();
    scheduleLetterRenderSweep();
    if (config.database.kind === "pglite") scheduleDatabaseUpkeep();
    if (config.logMemory) scheduleMemoryLog(async () => (await getDbHandle()).pglite);
  };
  try {
    await ready();
  } catch (e) {
    if (e instanceof ConfigError) refuseToStart(e);
    console.error(`Lentera: database not available yet (${where}): ${describeFailure(e)}`);
    if (isDatabaseUnavailable(e)) retryUntilReady(ready);
  }
}

/** Down at start: keep trying in the background, so the jobs start once it is back. */
function retryUntilReady(ready: () => Promise<void>) {
  let trying = false;
  const timer = setInterval(() => {
    if (trying) return;
    trying = true;
    ready().then(
      () => clearInterval(timer),
      (e: unknown) => {
        trying = false;
        if (e instanceof ConfigError) refuseToStart(e);
      },
    );
  }, 5_000);
  timer.unref();
}
