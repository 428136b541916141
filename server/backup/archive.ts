/**
 * The backup file: one ZIP (fflate, streamed) holding
 * - `manifest.json` first (what the backup claims: schema version, row counts, audit head,
 *   secret check values), so a restore can refuse before it touches anything, and
 * - `tables/<table>.ndjson`: one line per row, PostgreSQL's own `row_to_json` text. The
 *   database both writes and reads that text (`json_populate_recordset` on restore), so
 *   every type round-trips exactly — bytea as `\x…` hex, bigint without passing through a
 *   JavaScript number, timestamps with their offset, enum arrays, jsonb. Hex doubles bytea,
 *   deflate takes most of that back.
 * Entries are written in foreign-key order, which is the order a restore inserts them.
 */
import fs from "node:fs";
import { Unzip, UnzipInflate, Zip, ZipDeflate } from "fflate";
import { z } from "zod";

export const BACKUP_FORMAT = "lentera-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
export const tableEntry = (table: string) => `tables/${table}.ndjson`;

const hex = z.string().regex(/^[0-9a-f]*$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  /** Name of the last migration applied to the database that was backed up. */
  schemaVersion: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  backend: z.enum(["postgres", "pglite"]),
  /** In insertion (foreign-key) order. */
  tables: z.array(z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), rows: z.number().int().nonnegative() })),
  audit: z.object({ count: z.number().int().nonnegative(), headId: z.string().nullable(), headHash: hex.nullable() }),
  secretChecks: z.array(z.object({ name: z.string(), version: z.number().int(), check: hex })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/** Streams a ZIP to `sink`, honouring its back-pressure between pushes. */
export class ArchiveWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private current: ZipDeflate | null = null;
  private finished = false;

  constructor(private readonly sink: (chunk: Uint8Array) => Promise<void>) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failure = err;
      else this.pending.push(chunk);
      if (final) this.finished = true;
    });
  }

  private async flush() {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) await this.sink(chunk);
  }

  async begin(name: string) {
    if (this.current) throw new Error("previous entry not ended");
    this.current = new ZipDeflate(name, { level: 6 });
    this.zip.add(this.current);
  }

  async write(text: string) {
    if (!this.current) throw new Error("no entry open");
    this.current.push(Buffer.from(text, "utf8"));
    await this.flush();
  }

  async end() {
    if (!this.current) throw new Error("no entry open");
    this.current.push(new Uint8Array(0), true);
    this.current = null;
    await this.flush();
  }

  async close() {
    this.zip.end();
    await this.flush();
    if (!this.finished) throw new Error("archive did not finish");
  }
}

export interface ArchiveVisitor {
  manifest(manifest: Manifest): Promise<void>;
  /** Lines of one table entry, in batches; called in file order. */
  rows(table: string, lines: string[]): Promise<void>;
  /** After the last line of a table entry. */
  tableEnd?(table: string): Promise<void>;
}

/** Parses the manifest text; throws BackupFileError with one line. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupFileError("manifest.json is not JSON");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BackupFileError(
      `manifest.json is not a Lentera backup manifest of format ${BACKUP_FORMAT_VERSION} (${first?.path.join(".")}: ${first?.message})`,
    );
  }
  return parsed.data;
}

type Event =
  | { kind: "manifest"; text: string }
  | { kind: "lines"; table: string; lines: string[] }
  | { kind: "end"; table: string };

/**
 * Reads a backup file entry by entry, handing rows over in batches of at most `batchLines`.
 * The file is pushed to the decompressor a chunk at a time and each chunk's rows are handled
 * (awaited) before the next is read, so memory stays bounded by a chunk's worth of rows.
 * With `stopAfterManifest`, returns once the manifest has been handed over.
 */
export async function readArchive(
  file: string,
  visitor: ArchiveVisitor,
  { batchLines = 500, stopAfterManifest = false } = {},
): Promise<void> {
  const events: Event[] = [];
  let failure: Error | null = null;
  let sawManifest = false;
  let manifest: Manifest | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    const name = entry.name;
    const table = /^tables\/([a-z_][a-z0-9_]*)\.ndjson$/.exec(name)?.[1];
    if (name !== MANIFEST_ENTRY && !table) {
      failure ??= new BackupFileError(`unexpected entry ${name}`);
      return;
    }
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let rest = "";
    let lines: string[] = [];
    entry.ondata = (err, chunk, final) => {
      if (err) {
        failure ??= err;
        return;
      }
      try {
        rest += decoder.decode(chunk, { stream: !final });
      } catch {
        failure ??= new BackupFileError(`${name} is not UTF-8`);
        return;
      }
      if (name === MANIFEST_ENTRY) {
        if (final) events.push({ kind: "manifest", text: rest });
        return;
      }
      const parts = rest.split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) {
        if (line === "") continue;
        lines.push(line);
        if (lines.length >= batchLines) {
          events.push({ kind: "lines", table: table!, lines });
          lines = [];
        }
      }
      if (final) {
        if (rest !== "") lines.push(rest);
        if (lines.length) events.push({ kind: "lines", table: table!, lines });
        events.push({ kind: "end", table: table! });
      }
    };
    entry.start();
  };

  const handle = async () => {
    while (events.length) {
      const event = events.shift()!;
      if (event.kind === "manifest") {
        if (sawManifest) throw new BackupFileError("two manifests");
        manifest = parseManifest(event.text);
        sawManifest = true;
        await visitor.manifest(manifest);
        if (stopAfterManifest) return true;
        continue;
      }
      if (!sawManifest) throw new BackupFileError("manifest.json is not the first entry");
      if (event.kind === "lines") await visitor.rows(event.table, event.lines);
      else await visitor.tableEnd?.(event.table);
    }
    return false;
  };

  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      unzip.push(chunk as Buffer, false);
      if (failure) throw failure;
      if (await handle()) return;
    }
    unzip.push(new Uint8Array(0), true);
    if (failure) throw failure;
    await handle();
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new BackupFileError(`${file} is not a readable Lentera backup (${reason})`);
  } finally {
    stream.destroy();
  }
  if (!sawManifest)
    throw new BackupFileError(`${file} holds no manifest.json; it is not a Lentera backup or it is truncated`);
}

/**
 * Reads the whole file and checks it against its manifest: every table present once, with
 * the stated number of rows. A truncated or damaged file fails here (the ZIP's checksums and
 * the counts), so a backup is reported written only after this passed.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  let manifest: Manifest | null = null;
  const counts = new Map<string, number>();
  const ended = new Set<string>();
  await readArchive(file, {
    async manifest(m) {
      manifest = m;
    },
    async rows(table, lines) {
      counts.set(table, (counts.get(table) ?? 0) + lines.length);
    },
    async tableEnd(table) {
      if (ended.has(table)) throw new BackupFileError(`table ${table} appears twice`);
      ended.add(table);
    },
  });
  const m = manifest as Manifest | null;
  if (!m) throw new BackupFileError(`${file} holds no manifest`);
  for (const { name, rows } of m.tables) {
    if (!ended.has(name)) throw new BackupFileError(`${file} lacks table ${name} (truncated?)`);
    const found = counts.get(name) ?? 0;
    if (found !== rows)
      throw new BackupFileError(`${file}: table ${name} holds ${found} rows, the manifest says ${rows}`);
  }
  if (ended.size !== m.tables.length) throw new BackupFileError(`${file} holds tables the manifest does not list`);
  return m;
}
