/**
 * Tests: the server's own start-up (server/startup.ts: database under the directory lock,
 * secrets checked, background jobs, the backup socket) without the web layer, on
 * $LENTERA_DATA_DIR. Submits a few portal cases, prints "ready", then keeps submitting one
 * every 200 ms until killed, so a backup taken meanwhile runs against a writing server.
 * `embedded-server-process.ts [<dir>]`: with a directory, the daily scheduled backup is
 * switched on into it at 00:00 office time, so it is due at once (first check after ~20 s).
 */
import { startServer } from "../startup.ts";
import { getDb } from "../db.ts";
import { submitSampleCase } from "./sample-case.ts";

await startServer();
const db = await getDb();
const scheduleDir = process.argv[2];
if (scheduleDir) {
  const value = { enabled: true, directory: scheduleDir, timeOfDay: "00:00", keep: 1 };
  await db.setting.upsert({
    where: { key: "backup.schedule" },
    create: { key: "backup.schedule", value },
    update: { value },
  });
}
for (let i = 0; i < 3; i++) await submitSampleCase(db);
console.log("ready");
let busy = false;
setInterval(() => {
  if (busy) return;
  busy = true;
  submitSampleCase(db)
    .then(({ reference }) => console.log(`submitted ${reference}`))
    .catch((e: unknown) => console.error(`submit failed: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => (busy = false));
}, 200);
