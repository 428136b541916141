/**
 * A child process for start-up tests: runs the server's start-up (configuration, database
 * lock, migrations, secret checks) as `next start` does, then closes the database and exits 0.
 * A refused start exits 1 with its one line on stderr, as the server would.
 */
import { getDbHandle } from "../db.ts";
import { startServer } from "../startup.ts";

await startServer();
await (await getDbHandle()).close();
process.exit(0);
