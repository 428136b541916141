/**
 * An exclusive lock on the embedded database directory, held for the life of the process.
 * Two PostgreSQL servers (PGlite instances) on one directory destroy it, so the server and
 * every CLI tool take this lock before opening the directory, and a second process refuses.
 *
 * The lock is the file `<dir>.lock` next to the directory, holding who owns it: pid, the
 * process's start time (from /proc, so a reused pid is not mistaken for the owner), host,
 * boot id and command line. Rules:
 * - Creating it is atomic and exclusive: the record is written to a private temporary file
 *   first and then hard-linked to the lock name (link fails if the name exists), so the lock
 *   file is never seen half-written.
 * - It is stale only when its owner provably no longer runs on this host: another boot, no
 *   such pid, or that pid started at another time. An owner on another host (shared disk)
 *   cannot be checked and counts as alive.
 * - A stale lock is replaced, never deleted: the taker first creates the claim file
 *   `<lock>.takeover-<nonce of the stale record>` exclusively (one claim per stale record,
 *   so of two racing takers exactly one proceeds), re-reads the lock to see it still holds
 *   that record, then renames its own record over it (atomic). A claim left by a taker that
 *   died is itself replaced the same way, one level up.
 * - The lock is released (only if it is still ours) on close and on process exit; a killed
 *   process leaves it behind, stale.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./env.ts";
import { readTextIfPresent } from "./read-text-if-present.ts";

const ownerRecord = z.object({
  nonce: z.string().min(8),
  pid: z.number().int().positive(),
  startTime: z.string().nullable(),
  host: z.string(),
  bootId: z.string().nullable(),
  command: z.string(),
  since: z.string(),
});
type OwnerRecord = z.infer<typeof ownerRecord>;

/** The directory is held by another process (or already opened by this one). */
export class DataDirLockedError extends ConfigError {
  override name = "DataDirLockedError";
}

export interface DataDirLock {
  lockFile: string;
  release(): void;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

const bootId = () => readProc("/proc/sys/kernel/random/boot_id");

/** Start time of `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}

function describeCommand(): string {
  const [, script, ...args] = process.argv;
  const name = script ? path.basename(script) : "node";
  return [name, ...args.slice(0, 2)].join(" ").slice(0, 120);
}

function ownRecord(): OwnerRecord {
  return {
    nonce: randomBytes(12).toString("hex"),
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: os.hostname(),
    bootId: bootId(),
    command: describeCommand(),
    since: new Date().toISOString(),
  };
}

/** Reads an owner record; null when the file is absent; "damaged" when it cannot be parsed. */
function readRecord(file: string): OwnerRecord | null | "damaged" {
  const text = readTextIfPresent(file);
  if (text === null) return null;
  try {
    const parsed = ownerRecord.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "damaged";
  } catch {
    return "damaged";
  }
}

type Liveness = "alive" | "dead" | "unknown-host";

function liveness(owner: OwnerRecord): Liveness {
  if (owner.host !== os.hostname()) return "unknown-host";
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return "dead";
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return "dead";
    // EPERM: the pid exists under another user; go on to compare its start time.
  }
  const start = processStartTime(owner.pid);
  if (owner.startTime && start && start !== owner.startTime) return "dead";
  return "alive";
}

/** Writes `record` to a fresh private file beside `near` and returns its path. */
function writeTemp(near: string, record: OwnerRecord): string {
  const tmp = `${near}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const fd = fs.openSync(tmp, "wx", 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(record) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

/** Atomically creates `file` holding `record`; false when it already exists. */
function createExclusive(file: string, record: OwnerRecord): boolean {
  const tmp = writeTemp(file, record);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Replaces `file`, whose content was `stale` (an owner judged dead), by `record`. True when
 * this process did it; false when another taker did or is doing it, or the file changed.
 */
function replaceStale(file: string, stale: OwnerRecord | "damaged", record: OwnerRecord, depth = 0): boolean {
  if (depth > 4) return false;
  const staleId = stale === "damaged" ? "damaged" : stale.nonce;
  const claim = `${file}.takeover-${staleId}`;
  const claimRecord = { ...record, nonce: randomBytes(12).toString("hex") };
  if (!createExclusive(claim, claimRecord)) {
    const other = readRecord(claim);
    if (other === null) return false; // a taker just finished; look at the lock again
    if (other !== "damaged" && liveness(other) !== "dead") return false;
    if (!replaceStale(claim, other, claimRecord, depth + 1)) return false;
  }
  try {
    const current = readRecord(file);
    const unchanged =
      current === "damaged"
        ? stale === "damaged"
        : current !== null && stale !== "damaged" && current.nonce === stale.nonce;
    if (!unchanged) return false;
    fs.renameSync(writeTemp(file, record), file);
    return true;
  } finally {
    // Only our own claim is removed; a leftover claim of a dead taker names a record that
    // no longer exists, so it blocks nothing.
    const mine = readRecord(claim);
    if (mine !== null && mine !== "damaged" && mine.nonce === claimRecord.nonce) fs.rmSync(claim, { force: true });
  }
}

function describeOwner(owner: OwnerRecord | "damaged", lockFile: string, live: Liveness): string {
  if (owner === "damaged") return `an unreadable lock file ${lockFile}`;
  const who = `process ${owner.pid} (${owner.command}, since ${owner.since})`;
  return live === "unknown-host"
    ? `${who} on host ${owner.host}; if that host no longer runs Lentera, delete ${lockFile}`
    : who;
}

// Held locks of this process by lock file, kept on globalThis so a module loaded twice
// (Next.js bundles, dev reloads) still sees them.
const held = ((globalThis as unknown as { lenteraDataDirLocks?: Map<string, OwnerRecord> }).lenteraDataDirLocks ??=
  new Map());

function releaseFile(lockFile: string, nonce: string) {
  const current = readRecord(lockFile);
  if (current !== null && current !== "damaged" && current.nonce === nonce) fs.rmSync(lockFile, { force: true });
}

let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [lockFile, record] of held) {
      try {
        releaseFile(lockFile, record.nonce);
      } catch {
        // exiting anyway; the lock is then stale and taken over at the next start
      }
    }
  });
}

/**
 * Takes the exclusive lock on the embedded database directory `dir`, or throws
 * DataDirLockedError with one line naming the directory and the holder.
 */
export function lockDataDir(dir: string): DataDirLock {
  // The parent's real path: two spellings of one directory (a symlink) must meet on one lock.
  const parent = path.dirname(path.resolve(/* turbopackIgnore: true */ dir));
  fs.mkdirSync(parent, { recursive: true });
  const resolved = path.join(fs.realpathSync(parent), path.basename(dir));
  const lockFile = `${resolved}.lock`;
  if (held.has(lockFile)) {
    // A second PGlite on the directory within one process corrupts it just the same.
    throw new DataDirLockedError(
      `The database directory ${resolved} is already open in this process (${process.pid}); refusing to open it twice`,
    );
  }
  const record = ownRecord();
  for (let attempt = 0; attempt < 40; attempt++) {
    if (attempt > 0) pause(25); // another taker is mid-way (a few milliseconds)
    if (createExclusive(lockFile, record)) return hold(lockFile, record);
    const owner = readRecord(lockFile);
    if (owner === null) continue; // released meanwhile
    const live = owner === "damaged" ? "dead" : liveness(owner);
    if (live !== "dead") {
      throw new DataDirLockedError(
        `The database directory ${resolved} is in use by ${describeOwner(owner, lockFile, live)}; stop it first — refusing to open it twice`,
      );
    }
    if (replaceStale(lockFile, owner, record)) return hold(lockFile, record);
  }
  throw new DataDirLockedError(
    `The database directory ${resolved} could not be locked (${lockFile} keeps changing); try again`,
  );
}

function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function hold(lockFile: string, record: OwnerRecord): DataDirLock {
  held.set(lockFile, record);
  installExitHook();
  return {
    lockFile,
    release() {
      if (held.get(lockFile)?.nonce !== record.nonce) return;
      held.delete(lockFile);
      releaseFile(lockFile, record.nonce);
    },
  };
}
