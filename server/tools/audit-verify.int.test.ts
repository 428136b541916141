/**
 * `npm run audit:verify` end to end: the command opens the configured database (embedded
 * PGlite in a data directory, or PostgreSQL through DATABASE_URL), prints one line and exits
 * 0 for an intact chain, 1 naming the tampered entry.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../db.ts";
import { appendAudit } from "../domain/audit.ts";
import { APP_ROOT, openTestDb, testBackend } from "../testing/test-db.ts";
import { runScript } from "../testing/run-script.ts";

let dataDir: string;
let handle: DbHandle & { url?: string };

async function openForCli(): Promise<DbHandle & { url?: string }> {
  if (testBackend() === "postgres") return openTestDb();
  return openDb({ kind: "pglite", dataDir: path.join(dataDir, "pglite") }, { root: APP_ROOT });
}

const runVerify = (extraEnv: Record<string, string>) =>
  runScript("server/tools/audit-verify.ts", [], {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    ...extraEnv,
  });

/** The embedded database has one owner: close it while the command runs (reopened by `reopen`). */
let released = false;
async function release(): Promise<void> {
  if (testBackend() !== "pglite") return;
  await handle.close();
  released = true;
}
async function reopen(): Promise<void> {
  if (!released) return;
  handle = await openForCli();
  released = false;
}

const cliEnv = () => ({ LENTERA_DATA_DIR: dataDir, ...(handle.url ? { DATABASE_URL: handle.url } : {}) });

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-audit-verify-"));
  handle = await openForCli();
  for (let i = 0; i < 3; i++) {
    await handle.db.$transaction((tx) =>
      appendAudit(tx, {
        actorLabel: "system",
        action: "setting.update",
        target: "setting:office.hours",
        detail: { key: "office.hours", fields: ["days.1"] },
        at: new Date(),
      }),
    );
  }
});
afterAll(async () => {
  if (!released) await handle?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("npm run audit:verify", () => {
  it("prints OK with the count, then BROKEN naming the tampered entry with exit code 1", async () => {
    const [, second] = await handle.db.auditEntry.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    await release();
    const ok = await runVerify(cliEnv());
    expect(ok).toMatchObject({ code: 0, stdout: "Audit trail OK: 3 entries", stderr: "" });

    await reopen();
    await handle.db.$executeRawUnsafe(
      `UPDATE audit_entries SET detail = '{"key":"office.hours","fields":[]}' WHERE id = $1`,
      second!.id,
    );
    await release();
    const broken = await runVerify(cliEnv());
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`^Audit trail BROKEN at entry #${second!.id}: `));
    // Two child processes, each starting tsx and a database: slow on a busy machine.
  }, 240_000);

  it("stops with one line when there is no database to check", async () => {
    const missing = path.join(dataDir, "nowhere");
    const result = await runVerify({ LENTERA_DATA_DIR: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^No embedded database at /);
    expect(result.stderr.split("\n")).toHaveLength(1);
    await expect(fs.access(path.join(missing, "pglite"))).rejects.toThrow();
  });
});
