/**
 * The commands as an operator runs them, on the embedded database: `npm run backup` while a
 * real server process holds the data directory (and keeps writing), then with no server;
 * `npm run restore` into a new data directory, its refusals (non-empty target, other keys),
 * and `npm run audit:verify` on the result. Child processes throughout; PGlite only (the
 * PostgreSQL path is the round-trip test's).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { runScript } from "../testing/run-script.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APP_ROOT, testBackend } from "../testing/test-db.ts";
import { verifyArchive } from "./archive.ts";

let dir: string;
let server: ChildProcess | undefined;

const keys = {
  LENTERA_MASTER_KEY: process.env.LENTERA_MASTER_KEY!,
  LENTERA_TRACKING_KEY: process.env.LENTERA_TRACKING_KEY!,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
};
const baseEnv = (extra: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "/tmp",
  NODE_ENV: "development",
  ...keys,
  ...extra,
});
const run = (script: string, args: string[], extra: Record<string, string>) => runScript(script, args, baseEnv(extra));

let serverOut = "";

function startServerProcess(dataDir: string, scheduleDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "server/testing/embedded-server-process.ts", scheduleDir],
      { cwd: APP_ROOT, env: baseEnv({ LENTERA_DATA_DIR: dataDir }) as unknown as NodeJS.ProcessEnv },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      serverOut = out;
      if (/^ready$/m.test(out)) resolve(child);
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`server process exited (${code}): ${err}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-backup-cli-"));
});

afterAll(async () => {
  if (server) await stop(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(testBackend() !== "pglite")("npm run backup / restore on the embedded database", () => {
  test("backup from a running, writing server; restore into a new directory; refusals; audit verifies", async () => {
    const live = path.join(dir, "live");
    const scheduled = path.join(dir, "scheduled");
    server = await startServerProcess(live, scheduled);
    const file = path.join(dir, "live.zip");

    const backup = await run("server/tools/backup.ts", [file], { LENTERA_DATA_DIR: live });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written to .*live\.zip \(from the running server\): \d+ case\(s\)/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // The server kept serving while the backup was taken.
    expect(server.exitCode).toBe(null);

    // A second backup to the same name is refused: a backup never overwrites one.
    const again = await run("server/tools/backup.ts", [file], { LENTERA_DATA_DIR: live });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    // The scheduled backup (switched on by the server process, due at once) lands in its folder, complete.
    const deadline = Date.now() + 300_000;
    let written: string[] = [];
    while (
      Date.now() < deadline &&
      !(written = fs.existsSync(scheduled) ? fs.readdirSync(scheduled).filter((n) => n.endsWith(".zip")) : []).length
    )
      await new Promise((r) => setTimeout(r, 1000));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^lentera-backup-\d{8}-\d{4}\.zip$/);
    const scheduledManifest = await verifyArchive(path.join(scheduled, written[0]!));
    expect(scheduledManifest.tables.find((t) => t.name === "cases")!.rows).toBeGreaterThanOrEqual(3);
    while (Date.now() < deadline && !/scheduled backup written to/.test(serverOut))
      await new Promise((r) => setTimeout(r, 500));
    expect(serverOut).toMatch(/scheduled backup written to/);
    await stop(server);
    server = undefined;

    // Other keys: refused in one line naming the key and what to do.
    const other = path.join(dir, "other");
    const wrongKey = await run("server/tools/restore.ts", [file], {
      LENTERA_DATA_DIR: other,
      LENTERA_TRACKING_KEY: Buffer.alloc(32, 9).toString("base64"),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr.split("\n")).toHaveLength(1);
    expect(wrongKey.stderr).toMatch(/^LENTERA_TRACKING_KEY .* keys:import/);

    const fresh = path.join(dir, "fresh");
    const restore = await run("server/tools/restore.ts", [file], { LENTERA_DATA_DIR: fresh });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .* and verified it: \d+ case\(s\)/);

    const twice = await run("server/tools/restore.ts", [file], { LENTERA_DATA_DIR: fresh });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/not empty/);

    const verify = await run("server/tools/audit-verify.ts", [], { LENTERA_DATA_DIR: fresh });
    expect(verify.stdout).toMatch(/^Audit trail OK: \d+ entries$/);

    // No server on the restored directory: the command opens it itself.
    const direct = await run("server/tools/backup.ts", [path.join(dir, "direct.zip")], { LENTERA_DATA_DIR: fresh });
    expect(direct.code).toBe(0);
    expect(direct.stdout).not.toMatch(/running server/);
  }, 2_400_000);
});
