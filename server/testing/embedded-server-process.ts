/**
 * Tests: the server's own start-up (server/startup.ts: database under the directory lock,
 * secrets checked, background jobs, the backup socket) without the web layer, on
 * $LENTERA_DATA_DIR. Submits a few portal cases, prints "ready", then keeps submitting one
 * every 200 ms until killed, so a backup taken meanwhile runs against a writing server.
 */
import { startServer } from "../startup.ts";
import { getDb } from "../db.ts";
import { submitSampleCase } from "./sample-case.ts";

await startServer();
const db = await getDb();
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
