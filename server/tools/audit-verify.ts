/**
 * npm run audit:verify — checks the hash chain of the audit trail and names the first broken
 * entry. Opens the app database like the server does (PostgreSQL when DATABASE_URL is set,
 * else the embedded PGlite in $LENTERA_DATA_DIR/pglite — refused while a running server holds
 * that directory). It reads no encrypted data, so it needs no secrets. Read-only: it never migrates and never
 * creates a database.
 *
 * Prints (stdout) "Audit trail OK: N entries" and exits 0, or "Audit trail BROKEN at entry #<id>:
 * <reason>" and exits 1; a configuration problem is one line on stderr, exit 1.
 */
import fs from "node:fs";
import { ConfigError, env } from "../env.ts";
import { openDb, pendingMigrations } from "../db.ts";
import { describeVerifyResult, verifyAuditChain } from "../domain/audit-verify.ts";
import { runCommand } from "./run-command.ts";

async function main(): Promise<number> {
  const { database } = env();
  if (database.kind === "pglite" && !fs.existsSync(database.dataDir)) {
    throw new ConfigError(
      `No embedded database at ${database.dataDir}; set DATABASE_URL or LENTERA_DATA_DIR to the installation's database.`,
    );
  }
  const handle = await openDb(database, { migrate: false });
  try {
    const pending = await pendingMigrations(handle.db);
    if (pending.length)
      throw new ConfigError(
        `The database has ${pending.length} pending migration(s); run \`npm run db:migrate\` first.`,
      );
    const result = await verifyAuditChain(handle.db);
    console.log(describeVerifyResult(result));
    return result.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

runCommand(main);
