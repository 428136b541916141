/**
 * The server under test: build if needed, start `next start` on a fresh embedded database
 * (a temporary LENTERA_DATA_DIR, no DATABASE_URL) on a free 127.0.0.1 port, sample its memory,
 * stop it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { NODE_FLAGS, nextStartArgs, PRODUCTION_ENV } from "../server/production-start.ts";
import { HeapPeak, heapSampleOf, type HeapSample } from "./heap-headroom.ts";

/** A failure of the harness itself (not of a budget): run.ts prints it and exits 1. */
export class HarnessError extends Error {
  override name = "HarnessError";
  constructor(
    message: string,
    /** Last lines of server output, shown under the message. */
    readonly serverOutput: string[] = [],
  ) {
    super(message);
  }
}

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 90_000;
const OUTPUT_LINES_KEPT = 30;

export function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/** Sources whose change makes `.next` stale (the issue's list plus other build inputs). */
const BUILD_INPUTS = [
  "app",
  "server",
  "components",
  "prisma",
  "i18n",
  "messages",
  "next.config.mjs",
  "package.json",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "tsconfig.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): { mtimeMs: number; file: string } | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(entry);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return stat.isFile() ? { mtimeMs: stat.mtimeMs, file: entry } : undefined;
  let newest: { mtimeMs: number; file: string } | undefined;
  for (const name of fs.readdirSync(entry)) {
    if (name === "node_modules" || name === ".git") continue;
    const found = newestMtime(path.join(entry, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Whether `next build` must run, and why (for the log line). `root` is the app's directory. */
export function buildNeeded(
  root: string,
  inputs: readonly string[] = BUILD_INPUTS,
): { needed: boolean; reason: string } {
  const buildId = path.join(root, ".next", "BUILD_ID");
  let builtAt: number;
  try {
    builtAt = fs.statSync(buildId).mtimeMs;
  } catch {
    return { needed: true, reason: ".next/BUILD_ID is missing" };
  }
  for (const input of inputs) {
    const newest = newestMtime(path.join(root, input));
    if (newest && newest.mtimeMs > builtAt) {
      return { needed: true, reason: `${path.relative(root, newest.file)} is newer than .next/BUILD_ID` };
    }
  }
  return { needed: false, reason: ".next is up to date" };
}

/**
 * The environment for build and server: the caller's, on the given data dir. DATABASE_URL is
 * the bench's own (--postgres) or none (embedded PGlite); with PostgreSQL the secrets that
 * production requires are fresh random ones. glibc's allocator is set as `npm start` sets it.
 */
export function serverEnv(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL"));
  const postgres = databaseUrl
    ? {
        DATABASE_URL: databaseUrl,
        LENTERA_MASTER_KEY: randomHex(32),
        LENTERA_TRACKING_KEY: randomHex(32),
        NEXTAUTH_SECRET: randomHex(32),
      }
    : {};
  return {
    ...inherited,
    ...PRODUCTION_ENV,
    ...postgres,
    LENTERA_DATA_DIR: dataDir,
    // The server's memory line every 2 s: the bench reads each scenario's heap peak off it.
    LENTERA_LOG_MEMORY: "true",
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://${HOST}`, // production requires it; launch() adds the port
  };
}

const randomHex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Runs `next build` with inherited stdio; `appDir` (relative to root) builds another app, e.g. the floor. */
export async function build(root: string, env: NodeJS.ProcessEnv, appDir?: string): Promise<void> {
  const child = spawn(process.execPath, [nextBin(root), "build", ...(appDir ? [appDir] : [])], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (c, signal) => resolve(signal ? null : c));
  });
  if (code !== 0) throw new HarnessError(`next build failed (exit ${code ?? "by signal"}); see its output above`);
}

/** A port nothing listens on right now (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      srv.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the free port"));
      });
    });
  });
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "lentera-bench-"));
}

export function removeDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * V8's old-generation cap (MB) of a server that writes a CPU profile. At exit Node turns the whole
 * profile into one JSON string inside the heap, which the production cap (192 MB, NODE_FLAGS)
 * cannot hold after a bench's minute or more of samples: the server died with "heap out of
 * memory" and wrote nothing. So a profiled server runs with this cap instead, and its RSS is not
 * the production figure (run.ts says so).
 */
export const PROFILING_HEAP_MB = 2048;

/** The production cap as NODE_FLAGS sets it, for the bench's note. */
export const PRODUCTION_HEAP_FLAG = NODE_FLAGS.find((f) => f.startsWith("--max-old-space-size=")) ?? "";

/** A profiled server may take this long after SIGTERM to write its profile before it is killed. */
const PROFILE_WRITE_MS = 60_000;

/**
 * node's arguments for the server: the production start, and with `cpuProfileDir` Node's
 * --cpu-prof into it with the heap cap raised to PROFILING_HEAP_MB.
 */
export function serverArgs(port: number, root: string, appDir?: string, cpuProfileDir?: string): string[] {
  const args = nextStartArgs(port, HOST, nextBin(root), appDir);
  if (!cpuProfileDir) return args;
  const heap = `--max-old-space-size=${PROFILING_HEAP_MB}`;
  return [
    "--cpu-prof",
    `--cpu-prof-dir=${cpuProfileDir}`,
    ...args.map((a) => (a.startsWith("--max-old-space-size=") ? heap : a)),
  ];
}

/** The line the bench prints when it profiles: the heap cap differs from production's. */
export function profilingNote(dir: string): string {
  return (
    `bench: --cpu-profile ${dir}: the server runs with --max-old-space-size=${PROFILING_HEAP_MB} instead of ` +
    `production's ${PRODUCTION_HEAP_FLAG} (Node writes the profile through the heap at exit); ` +
    "its RSS and CPU figures are not the production ones"
  );
}

export interface StartOptions {
  root: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Echo server output while running (always kept for error messages). */
  verbose?: boolean;
  /** Path polled until it answers 200 (default "/"). */
  readyPath?: string;
  /** Write a V8 CPU profile of the server here when it stops (Node's --cpu-prof). */
  cpuProfileDir?: string;
  /** Serve this app directory (relative to root) instead of root itself, e.g. the floor app. */
  appDir?: string;
  /** NEXTAUTH_URL: the public address (the reverse proxy's); default the server's own. */
  publicUrl?: string;
}

export class Server {
  readonly baseUrl: string;
  private readonly lines: string[] = [];
  private partial = "";
  private readonly heapPeak = new HeapPeak();
  /** The latest memory line, kept apart so that they do not push the server's own lines out. */
  private lastMemoryLine: string | undefined;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private spawnError: Error | undefined;
  private readonly exitPromise: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly verbose: boolean,
    private readonly readyPath: string,
    /** Writes a CPU profile when it stops (which takes a while: stop() waits longer before killing it). */
    private readonly profiling = false,
  ) {
    this.baseUrl = `http://${HOST}:${port}`;
    this.exitPromise = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        this.exited = { code, signal };
        resolve();
      });
      child.on("error", (e) => {
        this.spawnError = e; // spawn failed: no "exit" follows
        resolve();
      });
    });
    for (const stream of [child.stdout, child.stderr])
      stream?.on("data", (chunk: Buffer) => this.collect(chunk.toString()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.exited === undefined && this.spawnError === undefined;
  }

  /** Last lines the server wrote (stdout and stderr interleaved). */
  output(): string[] {
    const memory = this.lastMemoryLine ? [this.lastMemoryLine] : [];
    return this.partial
      ? [...this.lines, this.partial, ...memory].slice(-OUTPUT_LINES_KEPT)
      : [...this.lines, ...memory];
  }

  /** The highest heap sample of the server's memory lines since the last call (none: it logs none). */
  takeHeapPeak(): HeapSample | undefined {
    return this.heapPeak.take();
  }

  describeExit(): string {
    if (!this.exited) return "running";
    return this.exited.signal ? `killed by ${this.exited.signal}` : `exited with code ${this.exited.code}`;
  }

  private collect(text: string): void {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    if (this.verbose) for (const line of parts) process.stderr.write(`  [server] ${line}\n`);
    for (const line of parts) {
      const heap = heapSampleOf(line);
      if (!heap) this.lines.push(line);
      else {
        this.heapPeak.see(heap);
        this.lastMemoryLine = line;
      }
    }
    if (this.lines.length > OUTPUT_LINES_KEPT) this.lines.splice(0, this.lines.length - OUTPUT_LINES_KEPT);
  }

  /**
   * Spawns the server. Call ready() next; the handle exists before the server is ready so
   * that the caller can stop it whatever happens (failure, Ctrl-C) while it starts.
   */
  static async launch(options: StartOptions): Promise<Server> {
    const port = await freePort();
    const args = serverArgs(port, options.root, options.appDir, options.cpuProfileDir);
    const child = spawn(process.execPath, args, {
      cwd: options.root,
      env: { ...options.env, NEXTAUTH_URL: options.publicUrl ?? `http://${HOST}:${port}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so stop() reaches every child it spawns
    });
    return new Server(child, port, options.verbose ?? false, options.readyPath ?? "/", !!options.cpuProfileDir);
  }

  /** Polls GET <readyPath> until it answers 200 (the app migrates its fresh database first). */
  async ready(): Promise<void> {
    const readyPath = this.readyPath;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = "no answer yet";
    while (Date.now() < deadline) {
      if (this.spawnError)
        throw new HarnessError(`could not start the server: ${this.spawnError.message}`, this.output());
      if (!this.alive) throw new HarnessError(`the server ${this.describeExit()} before it was ready`, this.output());
      try {
        const res = await fetch(this.baseUrl + readyPath, {
          redirect: "manual",
          signal: AbortSignal.timeout(Math.max(1000, Math.min(30_000, deadline - Date.now()))),
        });
        await res.arrayBuffer();
        if (res.status === 200) return;
        const location = res.headers.get("location");
        last = `GET ${readyPath} answered ${res.status}${location ? ` → ${location}` : ""}`;
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        last = `GET ${readyPath}: ${cause ?? (e as Error).message}`;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new HarnessError(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s (${last})`, this.output());
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // already gone
    }
  }

  /** Graceful stop of the whole process group (SIGTERM, then SIGKILL after 5 s, or a minute while a profile is written). */
  async stop(): Promise<void> {
    this.signalGroup("SIGTERM");
    const graceMs = this.profiling ? PROFILE_WRITE_MS : 5000;
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
    if (this.alive && (await Promise.race([this.exitPromise, timer])) === "timeout") this.signalGroup("SIGKILL");
    await Promise.race([this.exitPromise, new Promise((r) => setTimeout(r, 2000).unref())]);
    this.signalGroup("SIGKILL"); // any grandchild that ignored SIGTERM
  }

  /** Synchronous last resort for signal/exit handlers. */
  killNow(): void {
    this.signalGroup("SIGKILL");
  }
}

// ---------------------------------------------------------------------------------------------
// Memory: VmRSS summed over the server process and all its descendants.

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(file, "utf8");
  } catch {
    return undefined; // the process went away between listing and reading
  }
}

/** pid → parent pid, for every process visible in /proc. */
async function parentMap(): Promise<Map<number, number>> {
  const entries = await fsp.readdir("/proc");
  const map = new Map<number, number>();
  await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await readText(`/proc/${name}/stat`);
        if (!stat) return;
        // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        map.set(Number(name), Number(fields[1]));
      }),
  );
  return map;
}

export async function processTree(rootPid: number): Promise<number[]> {
  const parents = await parentMap();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

async function vmRssKb(pid: number): Promise<number> {
  const status = await readText(`/proc/${pid}/status`);
  const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) : 0;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

async function cpuTicks(pid: number): Promise<number> {
  const stat = await readText(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

/**
 * CPU time (ms, user + system) used so far by the process tree rooted at `rootPid`. Differences
 * of it give the server's cost per request, which, unlike latency, holds on a busy machine.
 */
export async function treeCpuMs(rootPid: number): Promise<number> {
  const ticks = await Promise.all((await processTree(rootPid)).map(cpuTicks));
  return (ticks.reduce((a, b) => a + b, 0) * 1000) / USER_HZ;
}

/**
 * CPU time (ms) used so far by the PostgreSQL backends serving `database`, found by their
 * process titles ("postgres: <user> <database> <client> …") when that server runs on this
 * machine (0 otherwise). A backend that exits between two readings takes its time with it;
 * the servers' connection pools keep theirs open.
 */
export async function databaseCpuMs(database: string): Promise<number> {
  const pids = (await fsp.readdir("/proc")).filter((name) => /^\d+$/.test(name));
  const ticks = await Promise.all(
    pids.map(async (pid) => {
      const title = (await readText(`/proc/${pid}/cmdline`))?.replace(/\0/g, " ") ?? "";
      return title.startsWith("postgres: ") && title.split(" ").includes(database) ? cpuTicks(Number(pid)) : 0;
    }),
  );
  return (ticks.reduce((a, b) => a + b, 0) * 1000) / USER_HZ;
}

/** Sum of VmRSS (MB) over the process tree rooted at `rootPid`. */
export async function treeRssMb(rootPid: number): Promise<number> {
  const pids = await processTree(rootPid);
  const kbs = await Promise.all(pids.map(vmRssKb));
  return kbs.reduce((a, b) => a + b, 0) / 1024;
}

/**
 * Samples the tree's RSS every `intervalMs` until stopped; keeps the maximum. The process list
 * is rescanned every fourth sample (children rarely come and go) to keep the sampler light,
 * since it shares the event loop with autocannon.
 */
export class RssSampler {
  private maxMb = 0;
  private samples = 0;
  private tree: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  private tick(): void {
    // Never overlap two samples.
    this.running = this.running.then(async () => {
      try {
        if (this.samples % 4 === 0) this.tree = await processTree(this.rootPid);
        const kbs = await Promise.all(this.tree.map(vmRssKb));
        this.maxMb = Math.max(this.maxMb, kbs.reduce((a, b) => a + b, 0) / 1024);
        this.samples++;
      } catch {
        // /proc unreadable for a moment: skip this sample
      }
    });
  }

  /** Stops sampling (after one last sample) and returns the maximum seen, in MB. */
  async stop(): Promise<{ maxMb: number; samples: number }> {
    if (this.timer) clearInterval(this.timer);
    this.tick();
    await this.running;
    return { maxMb: this.maxMb, samples: this.samples };
  }
}
