/**
 * A child process for the data-directory lock tests: `hold-data-dir-lock.ts <dir> [<epoch ms>]`
 * waits until the given time (so several children race), takes the lock and prints
 * "locked <pid>", then holds it until killed. A refusal is printed on stderr, exit 1.
 */
import { ConfigError } from "../env.ts";
import { lockDataDir } from "../data-dir-lock.ts";

const [dir, at] = process.argv.slice(2);
if (!dir) throw new Error("usage: hold-data-dir-lock.ts <dir> [<epoch ms>]");
while (at && Date.now() < Number(at)) {
  // spin: a timer would add its own jitter to the race
}
try {
  lockDataDir(dir);
  console.log(`locked ${process.pid}`);
  setInterval(() => {}, 60_000);
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : String(e));
  process.exit(1);
}
