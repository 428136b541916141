/**
 * A background check run every `every` ms (and first after `firstAfter`, when given), never two
 * at once. A database outage is left to the health monitor, which logs it once; any other
 * failure is logged as one line, and the next check tries again.
 */
import { isDatabaseUnavailable } from "./db-outage/classify.ts";

export function schedulePeriodicCheck(label: string, every: number, check: () => Promise<void>, firstAfter?: number) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await check();
    } catch (e) {
      if (isDatabaseUnavailable(e)) return;
      console.error(`Lentera: ${label} failed: ${e instanceof Error ? e.message.trim().split("\n")[0] : String(e)}`);
    } finally {
      running = false;
    }
  };
  setInterval(() => void run(), every).unref();
  if (firstAfter !== undefined) setTimeout(() => void run(), firstAfter).unref();
}
