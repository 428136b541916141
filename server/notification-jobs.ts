/**
 * Background notification work: the outbox sender (every few seconds, so a new report reaches
 * the Sekretariat's mailbox well inside its 30 minutes), and each minute the due-soon/overdue
 * check and the daily digests. Every job is safe to run on several instances at once.
 */
import { getDb } from "./db.ts";
import { isDatabaseUnavailable } from "./db-outage/classify.ts";
import { env } from "./env.ts";
import { notifyDeadlines } from "./domain/notifications/deadlines.ts";
import { queueDigests } from "./domain/notifications/digest.ts";
import { sendOutbox } from "./domain/notifications/outbox-sender.ts";

const SEND_EVERY_MS = 5_000;
const CHECK_EVERY_MS = 60_000;

const reason = (e: unknown) => (e instanceof Error ? e.name : "unknown error");

/** The master key is read at each run: a key rotation may replace it while the server runs. */
export function scheduleNotifications(baseUrl: string) {
  let sending = false;
  const send = async () => {
    if (sending) return;
    sending = true;
    try {
      const r = await sendOutbox(await getDb(), { masterKey: env().secrets.masterKey, baseUrl });
      if (r.failed) console.warn(`Lentera: ${r.failed} notification email(s) not sent yet; retrying later.`);
    } catch (e) {
      // An outage is logged once by the health monitor; the outbox waits for the next run.
      if (!isDatabaseUnavailable(e)) console.error(`Lentera: sending notification emails failed: ${reason(e)}`);
    } finally {
      sending = false;
    }
  };
  const check = async () => {
    try {
      const db = await getDb();
      await notifyDeadlines(db);
      await queueDigests(db);
    } catch (e) {
      if (!isDatabaseUnavailable(e)) console.error(`Lentera: the deadline check failed: ${reason(e)}`);
    }
  };
  setInterval(send, SEND_EVERY_MS).unref();
  setInterval(check, CHECK_EVERY_MS).unref();
  setTimeout(check, 5_000).unref();
}
