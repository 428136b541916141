/**
 * Prisma migrations without the native schema engine binary.
 *
 * Drives `@prisma/schema-engine-wasm` (the same Rust schema engine that `prisma migrate`
 * uses, compiled to WebAssembly) through a Prisma driver adapter, so `apply`, `new` and
 * drift checks work on machines where the CLI cannot download its engine.
 *
 * Backends: PostgreSQL through `@prisma/adapter-pg`, PGlite through `pglite-prisma-adapter`.
 * Both adapters need small fixes to be usable by the schema engine (see `hardenAdapterFactory`).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  MigrationList,
  SchemaContainer,
  SchemaEngine as WasmSchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

// ---------------------------------------------------------------------------------------
// Loading the WebAssembly engine
// ---------------------------------------------------------------------------------------

const WASM_PKG = "@prisma/schema-engine-wasm";

type BgModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

/** Finds `schema_engine_bg.js` / `.wasm`. Works under tsx, plain node and a Next.js server bundle. */
export function resolveSchemaEngineWasmDir(): string {
  const candidates: string[] = [];
  // 1. Regular module resolution from this file (or from the bundle chunk that contains it).
  //    The package only exports "." and "./schema_engine_bg" (no "./package.json").
  try {
    const req = createRequire(import.meta.url);
    candidates.push(path.dirname(req.resolve(`${WASM_PKG}/schema_engine_bg`)));
  } catch {
    /* fall through */
  }
  // 2. Resolution from the current working directory (a Next.js app started from its root).
  try {
    const req = createRequire(path.join(process.cwd(), "noop.js"));
    candidates.push(path.dirname(req.resolve(`${WASM_PKG}/schema_engine_bg`)));
  } catch {
    /* fall through */
  }
  // 3. Plain path below cwd.
  candidates.push(path.join(process.cwd(), "node_modules", WASM_PKG));
  for (const dir of candidates) {
    if (
      fs.existsSync(path.join(dir, "schema_engine_bg.wasm")) &&
      fs.existsSync(path.join(dir, "schema_engine_bg.js"))
    ) {
      return dir;
    }
  }
  throw new Error(`Cannot find ${WASM_PKG} (looked in: ${candidates.join(", ")}). Is it installed?`);
}

let wasmLoad: Promise<BgModule> | null = null;
let wasmGeneration = 0;
let lastPanicMessage: string | null = null;
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

function engineClosed() {
  if (--openEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

/**
 * Loads and instantiates the engine once per process. After a Rust panic the instance is
 * unusable, so `discardWasm()` forces the next call to load a fresh copy of the JS glue
 * (new module URL => new module state) and a fresh WebAssembly instance.
 */
function loadWasm(): Promise<BgModule> {
  if (wasmLoad) return wasmLoad;
  const generation = wasmGeneration;
  wasmLoad = (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(msg: string): void } };
    // The glue reports Rust panics through global.PRISMA_WASM_PANIC_REGISTRY.set_message().
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(msg: string) {
        lastPanicMessage = msg;
      },
    };
    const dir = resolveSchemaEngineWasmDir();
    const url =
      pathToFileURL(path.join(dir, "schema_engine_bg.js")).href + (generation ? `?instance=${generation}` : "");
    const bg = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as BgModule;
    const bytes = await fsp.readFile(path.join(dir, "schema_engine_bg.wasm"));
    // The glue has a setTimeout import but no clearTimeout: timers of engine-internal timeouts
    // (e.g. the 10 s advisory-lock timeout of applyMigrations) stay pending after the operation
    // finished and keep a CLI process alive. Track them so close() can clear them.
    const imports: Record<string, unknown> = { ...bg };
    for (const key of Object.keys(imports)) {
      if (!key.startsWith("__wbg_setTimeout_")) continue;
      imports[key] = (callback: () => void, ms: number) => {
        const timer = setTimeout(() => {
          engineTimers.delete(timer);
          callback();
        }, ms >>> 0);
        engineTimers.add(timer);
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  wasmLoad.catch(() => {
    wasmLoad = null;
  });
  return wasmLoad;
}

function discardWasm() {
  wasmLoad = null;
  wasmGeneration++;
}

/**
 * Lets a long-running process (the web server, which migrates at start) give back the
 * engine's memory (~100 MB): the glue module keeps its instance alive, so detach it.
 * A later call loads a fresh copy.
 */
export async function releaseSchemaEngine(): Promise<void> {
  if (!wasmLoad || openEngines > 0) return;
  const bg = await wasmLoad.catch(() => null);
  bg?.__wbg_set_wasm(undefined as unknown as WebAssembly.Exports);
  discardWasm();
}

// ---------------------------------------------------------------------------------------
// Driver adapter fixes
// ---------------------------------------------------------------------------------------

export type AdapterFactory = SqlDriverAdapterFactory | SqlMigrationAwareDriverAdapterFactory;

export interface HardenOptions {
  /**
   * Where the shadow database (needed to replay migrations for diffs) comes from.
   * - 'auto' (default): a fresh database on the same PostgreSQL server / a fresh in-memory PGlite.
   * - 'pglite': always a fresh in-memory PGlite (also for PostgreSQL; needs @electric-sql/pglite).
   */
  shadow?: "auto" | "pglite";
}

const PG_OID_CHAR = 18; // the internal one-byte "char" type used all over pg_catalog
const PG_OID_TEXT = 25;

type AnyObj = Record<string, any>;

/**
 * @prisma/adapter-pg 7.10.0 needs two fixes. It throws UnsupportedNativeDataType for `"char"` columns, which the
 * schema engine's catalog queries return (relkind, contype, ...), so every "describe schema"
 * (diff against a shadow DB, drift check) fails with
 * "Column type 'char' could not be deserialized from the database". Report them as text.
 */
function patchPgAdapter<T extends AnyObj>(adapter: T): T {
  const patchQueryable = (q: AnyObj) => {
    if (typeof q.performIO !== "function" || q.__lenteraPatched) return;
    const performIO = q.performIO;
    q.performIO = async function (this: unknown, query: unknown) {
      const result = await performIO.call(this, query);
      for (const field of result?.fields ?? []) if (field.dataTypeID === PG_OID_CHAR) field.dataTypeID = PG_OID_TEXT;
      return result;
    };
    q.__lenteraPatched = true;
  };
  patchQueryable(adapter);
  // Its executeScript splits the script on every ";", also inside comments, strings and function
  // bodies. Send the script whole instead: the simple query protocol runs many statements, as
  // one implicit transaction.
  if (adapter.client && typeof adapter.client.query === "function") {
    (adapter as AnyObj).executeScript = async (script: string) => {
      try {
        await adapter.client.query(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
  }
  if (typeof adapter.startTransaction === "function") {
    const startTransaction = adapter.startTransaction;
    (adapter as AnyObj).startTransaction = async function (this: unknown, ...args: unknown[]) {
      const tx = await startTransaction.apply(this, args);
      patchQueryable(tx);
      return tx;
    };
  }
  return adapter;
}

/**
 * pglite-prisma-adapter 0.7.2 `executeScript` does not await `client.exec()`: errors of a failing
 * migration become unhandled rejections instead of engine errors. Make it await.
 */
function patchPGliteAdapter<T extends AnyObj>(adapter: T): T {
  if (adapter.client && typeof adapter.client.exec === "function") {
    (adapter as AnyObj).executeScript = async (script: string) => {
      try {
        await adapter.client.exec(script);
      } catch (e) {
        adapter.onError(e);
      }
    };
  }
  return adapter;
}

function withDispose(adapter: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
  let done: Promise<void> | null = null;
  const dispose = adapter.dispose.bind(adapter);
  (adapter as AnyObj).dispose = () =>
    (done ??= (async () => {
      try {
        await dispose();
      } finally {
        await cleanup();
      }
    })());
  return adapter;
}

/**
 * A fresh in-memory PGlite costs ~3-4 s (it runs initdb); loading a dump of a pristine data
 * directory costs ~1.4 s. The first shadow of the process is created fresh and dumped before
 * use; later ones start from that dump.
 */
let pristinePGliteDump: Promise<Blob | File> | null = null;

async function newMemoryPGlite() {
  const { PGlite } = await import("@electric-sql/pglite");
  if (pristinePGliteDump) {
    const loadDataDir = await pristinePGliteDump.catch(() => undefined);
    const db = new PGlite(loadDataDir ? { loadDataDir } : {});
    await db.waitReady;
    return db;
  }
  const db = new PGlite();
  await db.waitReady;
  pristinePGliteDump = db.dumpDataDir("none");
  pristinePGliteDump.catch(() => {
    pristinePGliteDump = null;
  });
  await pristinePGliteDump.catch(() => {});
  return db;
}

async function pgliteShadow(): Promise<SqlDriverAdapter> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const db = await newMemoryPGlite();
  const adapter = patchPGliteAdapter((await new PrismaPGlite(db).connect()) as AnyObj) as unknown as SqlDriverAdapter;
  return withDispose(adapter, () => db.close());
}

/**
 * Factory for throw-away in-memory PGlite databases (each connect() is a new, empty database).
 * Use it for `createMigration` / `diffMigrationsToSchema` when the real database is PGlite:
 * those commands only need shadow databases, and an on-disk PGlite must not be opened by two
 * processes at once (e.g. the CLI while `next dev` has it open).
 */
export function pgliteMemoryAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: pgliteShadow,
    connectToShadowDb: pgliteShadow,
  };
}

function pgConfigForDatabase(config: AnyObj, database: string): AnyObj {
  const next: AnyObj = { ...config, database };
  if (typeof config.connectionString === "string") {
    // node-postgres lets the connection string win over `database`; rewrite the URL itself.
    const url = new URL(config.connectionString);
    url.pathname = `/${encodeURIComponent(database)}`;
    next.connectionString = url.toString();
  }
  return next;
}

/**
 * Shadow DB on the same server. Replaces PrismaPg#connectToShadowDb, which in 7.10.0
 *  - with `{ connectionString }` connects to the MAIN database (pg lets the URL override
 *    `database`), so the engine replays migrations into your real database, and
 *  - drops the shadow database before closing its pool ("is being accessed by other users"),
 *    leaking it and the admin pool.
 */
async function pgShadow(config: AnyObj, options: unknown): Promise<SqlDriverAdapter> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const admin = new pg.Client(config);
  await admin.connect();
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } catch (e) {
    await admin.end().catch(() => {});
    throw e;
  }
  const dropShadow = async () => {
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } catch {
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`); // PostgreSQL < 13
    } finally {
      await admin.end().catch(() => {});
    }
  };
  try {
    const factory = new PrismaPg(pgConfigForDatabase(config, database), options as never);
    const adapter = patchPgAdapter((await factory.connect()) as AnyObj) as unknown as SqlDriverAdapter;
    return withDispose(adapter, dropShadow);
  } catch (e) {
    await dropShadow();
    throw e;
  }
}

/**
 * Wraps any Prisma SQL adapter factory so the schema engine can use it:
 * fixes the adapter bugs above, supplies a working shadow database, and remembers every
 * connection it hands out so `disposeAll()` can close them (the engine never disposes its
 * main connection).
 */
const HARDENED = Symbol.for("lentera.schema-engine.hardened");
type HardenedFactory = SqlMigrationAwareDriverAdapterFactory & { disposeAll(): Promise<void>; [HARDENED]: true };

export function hardenAdapterFactory(factory: AdapterFactory, opts: HardenOptions = {}): HardenedFactory {
  const f = factory as AnyObj;
  if ((factory as { [HARDENED]?: true })[HARDENED]) return factory as HardenedFactory;
  if (f.provider !== "postgres")
    throw new Error(`Only PostgreSQL adapters are supported (got provider "${f.provider}")`);
  const isPg = f.adapterName === "@prisma/adapter-pg";
  const isPGlite = f.adapterName === "pglite-prisma-adapter";
  const live = new Set<SqlDriverAdapter>();

  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    live.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | null = null;
    (adapter as AnyObj).dispose = () => (done ??= dispose().finally(() => live.delete(adapter)));
    return adapter;
  };
  const patch = (adapter: AnyObj) =>
    isPg ? patchPgAdapter(adapter) : isPGlite ? patchPGliteAdapter(adapter) : adapter;

  return {
    [HARDENED]: true,
    provider: "postgres",
    adapterName: f.adapterName,
    async connect() {
      return track(patch(await f.connect()) as unknown as SqlDriverAdapter);
    },
    async connectToShadowDb() {
      if (opts.shadow === "pglite" || isPGlite) return track(await pgliteShadow());
      if (isPg) {
        const config = f.externalPool ? f.externalPool.options : f.config;
        return track(await pgShadow(config, f.options));
      }
      if (typeof f.connectToShadowDb === "function") return track(await f.connectToShadowDb());
      return track(await pgliteShadow());
    },
    async disposeAll() {
      const errors: unknown[] = [];
      for (const adapter of [...live]) await adapter.dispose().catch((e) => errors.push(e));
      if (errors.length) throw errors[0];
    },
  };
}

// ---------------------------------------------------------------------------------------
// Schema and migrations directory
// ---------------------------------------------------------------------------------------

export const MIGRATION_LOCK_FILE = "migration_lock.toml";
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Reads a schema file, or every *.prisma file below a directory (multi-file schemas). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]> {
  const abs = path.resolve(schemaPath);
  const stat = await fsp.stat(abs);
  if (stat.isFile()) return [{ path: abs, content: await fsp.readFile(abs, "utf8") }];
  const entries = await fsp.readdir(abs, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".prisma"))
    .map((e) => path.join(e.parentPath ?? (e as AnyObj).path, e.name))
    .sort();
  if (!files.length) throw new Error(`No .prisma files in ${abs}`);
  return Promise.all(files.map(async (p) => ({ path: p, content: await fsp.readFile(p, "utf8") })));
}

function lockfileContent(provider = "postgresql") {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

/** Same shape and rules as the Prisma CLI: sub-directories sorted by name, each with migration.sql. */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await fsp.readFile(path.join(baseDir, MIGRATION_LOCK_FILE), "utf8").catch(() => null);
  const entries = await fsp.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => {
        const content = await fsp
          .readFile(path.join(baseDir, e.name, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((err: Error) => ({ tag: "error" as const, value: err.message }));
        return { path: e.name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Checksum Prisma stores in _prisma_migrations.checksum: hex sha256 of migration.sql. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/** Prisma CLI turns `--name` into a slug: decamelized, lower case, `_`-separated, ≤ 200 chars. */
export function slugifyMigrationName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

// ---------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------

export interface EngineLogEntry {
  level: "ERROR" | "WARN" | "INFO" | "DEBUG" | "TRACE" | string;
  fields?: Record<string, unknown> & { message?: string };
  target?: string;
  span?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface OpenOptions extends HardenOptions {
  schemaPath: string;
  adapterFactory: AdapterFactory;
  /** Engine log events (one tracing event each, INFO and above). Default: WARN/ERROR to stderr. */
  onLog?: (entry: EngineLogEntry) => void;
}

export interface Engine {
  /** The raw wasm-bindgen SchemaEngine; every method mirrors the native engine's JSON-RPC. */
  readonly raw: WasmSchemaEngine;
  readonly schemaFiles: SchemaContainer[];
  readonly filters: SchemaFilter;
  close(): Promise<void>;
}

function defaultLog(entry: EngineLogEntry) {
  if (entry.level === "ERROR" || entry.level === "WARN") {
    console.warn(`[schema-engine] ${entry.level} ${entry.fields?.message ?? JSON.stringify(entry.fields)}`);
  }
}

function enrichError(e: unknown): unknown {
  if (e instanceof WebAssembly.RuntimeError) {
    discardWasm();
    const msg = lastPanicMessage
      ? `Schema engine panicked: ${lastPanicMessage}`
      : `Schema engine crashed: ${e.message}`;
    lastPanicMessage = null;
    return new Error(msg, { cause: e });
  }
  return e;
}

/** Wraps every method of the raw engine so a Rust panic discards the wasm instance. */
function guard(raw: WasmSchemaEngine): WasmSchemaEngine {
  return new Proxy(raw, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const out = value.apply(target, args);
          return out instanceof Promise ? out.catch((e: unknown) => Promise.reject(enrichError(e))) : out;
        } catch (e) {
          throw enrichError(e);
        }
      };
    },
  });
}

export async function openSchemaEngine(opts: OpenOptions): Promise<Engine> {
  const [bg, schemaFiles] = await Promise.all([loadWasm(), readSchemaFiles(opts.schemaPath)]);
  const factory = hardenAdapterFactory(opts.adapterFactory, opts);
  const onLog = opts.onLog ?? defaultLog;
  const log = (line: string) => {
    for (const part of String(line).split("\n")) {
      if (!part.trim()) continue;
      try {
        onLog(JSON.parse(part) as EngineLogEntry);
      } catch {
        onLog({ level: "INFO", fields: { message: part } });
      }
    }
  };
  let raw: WasmSchemaEngine;
  try {
    raw = await bg.SchemaEngine.new(
      { datamodels: schemaFiles.map((f) => [f.path, f.content] as [string, string]) },
      log,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (e) {
    await factory.disposeAll().catch(() => {});
    throw enrichError(e);
  }
  openEngines++;
  let closed = false;
  return {
    raw: guard(raw),
    schemaFiles,
    filters: NO_FILTERS,
    async close() {
      if (closed) return;
      closed = true;
      try {
        raw.free();
      } finally {
        engineClosed();
        await factory.disposeAll();
      }
    },
  };
}

async function withEngine<T>(opts: OpenOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openSchemaEngine(opts);
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

// ---------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------

export interface MigrateOptions extends Omit<OpenOptions, "schemaPath"> {
  schemaPath: string;
  migrationsDir: string;
}

/**
 * `prisma migrate deploy`: applies every migration directory not yet recorded in
 * _prisma_migrations, in name order, recording checksum / started_at / finished_at /
 * applied_steps_count exactly as Prisma does (the engine writes the rows). Refuses to run
 * while a failed migration is recorded (P3009), like Prisma.
 */
export async function applyMigrations(opts: MigrateOptions): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  return withEngine(opts, async (engine) => {
    const out = await engine.raw.applyMigrations({ migrationsList, filters: engine.filters });
    return { applied: out.appliedMigrationNames };
  });
}

/** For `diff`: the engine needs the provider from migration_lock.toml even for an empty history. */
function withLockfile(list: MigrationList): MigrationList {
  return list.lockfile.content === null
    ? { ...list, lockfile: { ...list.lockfile, content: lockfileContent() } }
    : list;
}

/**
 * SQL that would bring a database built from the migrations directory to the schema
 * (`prisma migrate diff --from-migrations --to-schema --script`). '' when they agree.
 * Does not look at the main database; replays the migrations into a shadow database.
 */
export async function diffMigrationsToSchema(opts: MigrateOptions): Promise<string> {
  const migrationsList = withLockfile(await readMigrationsList(opts.migrationsDir));
  return withEngine(opts, async (engine) => {
    const out = await engine.raw.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: engine.schemaFiles },
      script: true,
      exitCode: true,
      filters: engine.filters,
    });
    return out.exitCode === 0 ? "" : (out.stdout ?? "");
  });
}

export interface CreateMigrationOptions extends MigrateOptions {
  name: string;
  /** Write the migration even when it is empty (`--create-only` with no changes => empty migration). */
  draft?: boolean;
}

/**
 * `prisma migrate dev --create-only --name <name>`: writes
 * <migrationsDir>/<YYYYMMDDHHMMSS>_<name>/migration.sql and migration_lock.toml. Returns
 * { directory: null } and writes nothing when the schema matches the migrations.
 *
 * The wasm engine's createMigration cannot open a shadow database itself (it only reads a
 * cache that diagnose/devDiagnostic fill for the migrations applied to the *main* database).
 * So, as `migrate dev` does, this runs on a scratch database (a fresh shadow): apply all
 * migrations there, devDiagnostic (fills the cache), createMigration. The result is Prisma's
 * own script including the destructive-change "Warnings" header, independent of the state of
 * the real database, which is never touched.
 */
export async function createMigration(
  opts: CreateMigrationOptions,
): Promise<{ directory: string | null; name: string | null; script: string | null }> {
  const name = slugifyMigrationName(opts.name);
  if (!name) throw new Error(`Invalid migration name "${opts.name}"`);
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  // Scratch "main" database: a shadow of the caller's backend.
  const base = hardenAdapterFactory(opts.adapterFactory, opts);
  const scratchFactory: HardenedFactory = {
    [HARDENED]: true,
    provider: "postgres",
    adapterName: base.adapterName,
    connect: () => base.connectToShadowDb(),
    connectToShadowDb: () => base.connectToShadowDb(),
    disposeAll: () => base.disposeAll(),
  };
  try {
    const out = await withEngine({ ...opts, adapterFactory: scratchFactory }, async (engine) => {
      const { raw, filters } = engine;
      if (migrationsList.migrationDirectories.length) await raw.applyMigrations({ migrationsList, filters });
      const diag = await raw.devDiagnostic({ migrationsList, filters });
      if (diag.action.tag === "reset") throw new Error(`Migration history is inconsistent: ${diag.action.reason}`);
      return raw.createMigration({
        draft: opts.draft ?? false,
        migrationName: name,
        migrationsList,
        schema: { files: engine.schemaFiles },
        filters,
      });
    });
    if (out.migrationScript === null) return { directory: null, name: null, script: null };
    const directory = path.join(migrationsList.baseDir, out.generatedMigrationName);
    if (fs.existsSync(directory)) throw new Error(`The migration directory already exists at ${directory}`);
    await fsp.mkdir(directory, { recursive: true });
    await fsp.writeFile(path.join(directory, `migration.${out.extension}`), out.migrationScript, "utf8");
    await fsp.writeFile(
      path.join(migrationsList.baseDir, MIGRATION_LOCK_FILE),
      lockfileContent(out.connectorType),
      "utf8",
    );
    return { directory, name: out.generatedMigrationName, script: out.migrationScript };
  } finally {
    await base.disposeAll();
  }
}
