/**
 * Writes a backup of the database from one consistent snapshot: every read happens inside a
 * single `REPEATABLE READ, READ ONLY` transaction, so rows committed while the backup runs
 * (a burst of submissions) are either wholly in it or wholly not, and the row counts, audit
 * head and secret check values in the manifest describe exactly the rows in the file.
 * Works the same on PostgreSQL and PGlite (PostgreSQL's own catalogs and JSON functions; no
 * pg_dump). On embedded PGlite, which has one connection, other queries wait for the
 * snapshot transaction to end.
 */
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  ArchiveWriter,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  tableEntry,
  type Manifest,
} from "./archive.ts";
import { APP_VERSION } from "./app-version.ts";

type Tx = Prisma.TransactionClient;

/** Tables the schema engine owns; a restore rebuilds it by applying the migrations. */
const MIGRATIONS_TABLE = "_prisma_migrations";
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export const quoteIdent = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};

interface ForeignKey {
  child: string;
  parent: string;
  column: string;
  refColumn: string;
  columns: number;
}

export interface TablePlan {
  name: string;
  /** A single-column foreign key of the table to itself: its rows are written parents first. */
  selfKey?: { column: string; refColumn: string };
  hasBytea: boolean;
}

/** The application's tables in an order where every table comes after the tables it references. */
export async function tablesInForeignKeyOrder(tx: Tx): Promise<TablePlan[]> {
  const tables = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1 ORDER BY c.relname`,
    MIGRATIONS_TABLE,
  );
  const keys = await tx.$queryRawUnsafe<ForeignKey[]>(
    `SELECT cl.relname AS child, pl.relname AS parent, array_length(c.conkey, 1) AS columns,
            (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = c.conkey[1]) AS "column",
            (SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = c.confkey[1]) AS "refColumn"
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pl ON pl.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const bytea = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT DISTINCT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'bytea'`,
  );
  const names = tables.map((t) => t.name);
  const plans = new Map<string, TablePlan>(
    names.map((name) => [name, { name, hasBytea: bytea.some((b) => b.name === name) }]),
  );
  const parents = new Map<string, Set<string>>(names.map((name) => [name, new Set()]));
  for (const key of keys) {
    if (!plans.has(key.child)) continue;
    if (key.child === key.parent) {
      if (Number(key.columns) !== 1)
        throw new Error(`table ${key.child} has a multi-column key to itself; backups cannot order its rows`);
      plans.get(key.child)!.selfKey = { column: key.column, refColumn: key.refColumn };
    } else {
      parents.get(key.child)!.add(key.parent);
    }
  }
  const ordered: TablePlan[] = [];
  const done = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p) || !plans.has(p)),
    );
    if (!ready.length)
      throw new Error(
        `the foreign keys between ${names.filter((n) => !done.has(n)).join(", ")} form a cycle; backups cannot order them`,
      );
    for (const name of ready) {
      done.add(name);
      ordered.push(plans.get(name)!);
    }
  }
  return ordered;
}

/** Every row of `plan` as PostgreSQL JSON text; a self-referencing table parents first. */
function rowsQuery(plan: TablePlan): string {
  const t = quoteIdent(plan.name);
  if (!plan.selfKey) return `SELECT row_to_json(t)::text AS j FROM ${t} t`;
  const f = quoteIdent(plan.selfKey.column);
  const r = quoteIdent(plan.selfKey.refColumn);
  return `SELECT row_to_json(t)::text AS j FROM ${t} t LEFT JOIN (
      WITH RECURSIVE d(k, depth) AS (SELECT ${r}, 0 FROM ${t} WHERE ${f} IS NULL
        UNION ALL SELECT c.${r}, d.depth + 1 FROM ${t} c JOIN d ON c.${f} = d.k)
      SELECT k, max(depth) AS depth FROM d GROUP BY k) o ON o.k = t.${r}
    ORDER BY o.depth NULLS LAST`;
}

export async function schemaVersion(tx: Pick<Tx, "$queryRawUnsafe">): Promise<string | null> {
  const [row] = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return row?.name ?? null;
}

export async function auditHead(tx: Pick<Tx, "$queryRawUnsafe">): Promise<Manifest["audit"]> {
  const [count] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_entries`);
  const [head] = await tx.$queryRawUnsafe<{ id: string; hash: string }[]>(
    `SELECT id::text AS id, encode(hash, 'hex') AS hash FROM audit_entries ORDER BY id DESC LIMIT 1`,
  );
  return { count: count?.n ?? 0, headId: head?.id ?? null, headHash: head?.hash ?? null };
}

export async function secretCheckValues(tx: Pick<Tx, "$queryRawUnsafe">): Promise<Manifest["secretChecks"]> {
  return tx.$queryRawUnsafe<Manifest["secretChecks"]>(
    `SELECT name, version, encode("check", 'hex') AS "check" FROM secret_checks ORDER BY name`,
  );
}

export interface BackupOptions {
  backend: "postgres" | "pglite";
  /** Longest the snapshot transaction may stay open (default 30 minutes). */
  timeoutMs?: number;
}

/** Writes the archive to `sink` and returns its manifest. */
export async function writeBackup(
  db: Db,
  sink: (chunk: Uint8Array) => Promise<void>,
  { backend, timeoutMs = 30 * 60_000 }: BackupOptions,
): Promise<Manifest> {
  return db.$transaction(
    async (tx) => {
      // The first statement of the transaction, so the whole backup reads one snapshot.
      await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const version = await schemaVersion(tx);
      if (!version) throw new Error("the database has no applied migrations; nothing to back up");
      const plans = await tablesInForeignKeyOrder(tx);
      const tables: Manifest["tables"] = [];
      for (const plan of plans) {
        const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${quoteIdent(plan.name)}`,
        );
        tables.push({ name: plan.name, rows: row?.n ?? 0 });
      }
      const manifest: Manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        schemaVersion: version,
        createdAt: new Date().toISOString(),
        backend,
        tables,
        audit: await auditHead(tx),
        secretChecks: await secretCheckValues(tx),
      };
      const archive = new ArchiveWriter(sink);
      await archive.begin(MANIFEST_ENTRY);
      await archive.write(JSON.stringify(manifest, null, 2) + "\n");
      await archive.end();
      for (const plan of plans) {
        await archive.begin(tableEntry(plan.name));
        // A cursor reads the table in slices (bounded memory) within the same snapshot.
        await tx.$executeRawUnsafe(`DECLARE lentera_backup NO SCROLL CURSOR FOR ${rowsQuery(plan)}`);
        const slice = plan.hasBytea ? 10 : 500;
        for (;;) {
          const rows = await tx.$queryRawUnsafe<{ j: string }[]>(`FETCH ${slice} FROM lentera_backup`);
          if (rows.length) await archive.write(rows.map((r) => r.j + "\n").join(""));
          if (rows.length < slice) break;
        }
        await tx.$executeRawUnsafe("CLOSE lentera_backup");
        await archive.end();
      }
      await archive.close();
      return manifest;
    },
    { timeout: timeoutMs, maxWait: 60_000 },
  );
}
