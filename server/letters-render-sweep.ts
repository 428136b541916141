/**
 * Every minute (and shortly after the start): render letters whose PDF was never stored because
 * their process died between the issuing commit and the rendering (server/domain/letters/issue.ts).
 * Any instance may do it: rendering is idempotent and only the first store wins.
 */
import { getDb } from "./db.ts";
import { env } from "./env.ts";
import { isDatabaseUnavailable } from "./db-outage/classify.ts";
import { renderPendingLetters } from "./domain/letters/render-pending.ts";
import "./pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

/** The master key is read at each run: a key rotation may replace it while the server runs. */
export function scheduleLetterRenderSweep() {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const rendered = await renderPendingLetters(await getDb(), env().secrets.masterKey);
      if (rendered) console.log(`Lentera: rendered ${rendered} letter(s) left unrendered by an interrupted request`);
    } catch (e) {
      // An outage is logged once by the health monitor; the next run tries again.
      if (!isDatabaseUnavailable(e)) {
        console.error(`Lentera: the letter rendering sweep failed: ${e instanceof Error ? e.name : "unknown error"}`);
      }
    } finally {
      running = false;
    }
  };
  setInterval(run, 60_000).unref();
  setTimeout(run, 5_000).unref();
}
