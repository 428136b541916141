/**
 * The embedded database directory has one owner, across real processes: a second one refuses
 * with one line naming the directory and the holder; a lock left by a killed process is taken
 * over; of several processes racing on a stale lock exactly one wins.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir, processStartTime } from "./data-dir-lock.ts";
import { openDb } from "./db.ts";
import { APP_ROOT } from "./testing/test-db.ts";

let root: string;
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lentera-lock-"));
  dir = path.join(root, "pglite");
});
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

/** Real child processes load tsx and the app's modules: seconds each on a busy machine. */
const PROCESS_TIMEOUT = 180_000;

const childEnv = (extra: Record<string, string> = {}) =>
  ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...extra }) as unknown as NodeJS.ProcessEnv;

interface Outcome {
  locked: boolean;
  pid: number;
  stderr: string;
  code: number | null;
}

/** A child that takes the lock (at `at`, epoch ms) and holds it; resolves once it holds or has given up. */
function holder(at?: number): { child: ChildProcess; outcome: Promise<Outcome> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/testing/hold-data-dir-lock.ts", dir, ...(at ? [String(at)] : [])],
    {
      cwd: APP_ROOT,
      env: childEnv(),
    },
  );
  children.push(child);
  const outcome = new Promise<Outcome>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes("locked")) resolve({ locked: true, pid: child.pid!, stderr, code: null });
    });
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ locked: false, pid: child.pid!, stderr: stderr.trim(), code }));
  });
  return { child, outcome };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** The pid of a process that has finished (so it names no running process). */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

const record = (pid: number, nonce: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    nonce,
    pid,
    startTime: processStartTime(pid),
    host: os.hostname(),
    bootId: null,
    command: "test",
    since: new Date().toISOString(),
    ...extra,
  });

describe("two processes on one data directory", () => {
  it(
    "the second refuses with one line naming the directory and the holder, and exits non-zero",
    async () => {
      const first = holder();
      expect((await first.outcome).locked).toBe(true);
      const second = await holder().outcome;
      expect(second.locked).toBe(false);
      expect(second.code).toBe(1);
      expect(second.stderr.split("\n")).toHaveLength(1);
      expect(second.stderr).toContain(dir);
      expect(second.stderr).toContain(`process ${first.child.pid} (hold-data-dir-lock.ts`);
    },
    PROCESS_TIMEOUT,
  );

  it(
    "a lock left by a process killed with SIGKILL is taken over",
    async () => {
      const first = holder();
      expect((await first.outcome).locked).toBe(true);
      await kill9(first.child);
      expect(fs.existsSync(`${dir}.lock`)).toBe(true); // left behind
      const next = holder();
      const outcome = await next.outcome;
      expect(outcome.stderr).toBe("");
      expect(outcome.locked).toBe(true);
      expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(next.child.pid);
    },
    PROCESS_TIMEOUT,
  );

  it("of four processes racing on a stale lock exactly one wins; the others name the winner", async () => {
    const first = holder();
    expect((await first.outcome).locked).toBe(true);
    await kill9(first.child);
    // All start at one instant once loaded; a child that loads later still must lose.
    const at = Date.now() + 5_000;
    const racers = Array.from({ length: 4 }, () => holder(at));
    const outcomes = await Promise.all(racers.map((r) => r.outcome));
    const winners = outcomes.filter((o) => o.locked);
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((o) => !o.locked)) {
      expect(loser.code).toBe(1);
      expect(loser.stderr).toContain(`process ${winners[0]!.pid} `);
    }
  }, 300_000);

  it(
    "a CLI tool (audit:verify) refuses while the directory is held",
    async () => {
      const first = holder();
      expect((await first.outcome).locked).toBe(true);
      fs.mkdirSync(dir, { recursive: true });
      const result = spawnSync(process.execPath, ["--import", "tsx", "server/tools/audit-verify.ts"], {
        cwd: APP_ROOT,
        env: childEnv({ LENTERA_DATA_DIR: root }),
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`${dir} is in use by process ${first.child.pid}`);
      expect(fs.readdirSync(dir)).toEqual([]); // PGlite never touched it
    },
    PROCESS_TIMEOUT,
  );
});

describe("within one process", () => {
  it(
    "openDb refuses a held directory before PGlite opens it",
    async () => {
      const first = holder();
      expect((await first.outcome).locked).toBe(true);
      await expect(openDb({ kind: "pglite", dataDir: dir }, { root: APP_ROOT })).rejects.toThrow(DataDirLockedError);
      expect(fs.existsSync(dir)).toBe(false);
    },
    PROCESS_TIMEOUT,
  );

  it("a second open is refused (not a deadlock) and the lock is free again after release", () => {
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    lockDataDir(dir).release();
  });

  it("two spellings of one directory (through a symlink) meet on one lock", () => {
    fs.mkdirSync(root, { recursive: true });
    const link = `${root}-link`;
    fs.symlinkSync(root, link);
    try {
      const lock = lockDataDir(dir);
      expect(() => lockDataDir(path.join(link, "pglite"))).toThrow(/already open in this process/);
      lock.release();
    } finally {
      fs.rmSync(link, { force: true });
    }
  });

  it("takes over a stale lock whose taker died mid-way, and a damaged lock file", () => {
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, record(deadPid(), "stale-owner-1"));
    fs.writeFileSync(`${dir}.lock.takeover-stale-owner-1`, record(deadPid(), "dead-taker-1"));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    lock.release();

    fs.writeFileSync(`${dir}.lock`, "{ half a rec");
    lockDataDir(dir).release();
  });

  it("a reused pid (same pid, another start time) is not mistaken for the owner", () => {
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, record(process.pid, "reused-pid-1", { startTime: "1" }));
    lockDataDir(dir).release();
  });

  it("an owner on another host is not judged from here", () => {
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, record(deadPid(), "other-host-1", { host: "another-host.invalid" }));
    expect(() => lockDataDir(dir)).toThrow(
      /on host another-host\.invalid; if that host no longer runs Lentera, delete/,
    );
  });
});
