/**
 * Restores a backup file into an EMPTY database (PostgreSQL) or data directory (PGlite):
 * 1. reads the whole file and checks it against its manifest (a damaged or truncated file
 *    is refused before anything is touched);
 * 2. refuses unless the secrets in use are the ones the backup's data was written under
 *    (their check values), since restored cases would otherwise be unreadable;
 * 3. refuses a target that holds any row, or migrations the backup does not know;
 * 4. applies the migrations up to the backup's schema version (later ones are applied as
 *    usual when the server starts);
 * 5. in ONE transaction: inserts every table's rows in the file's (foreign-key) order,
 *    moves the sequences past the restored ids, and verifies row counts, the audit chain and
 *    its head, and the secret check values against the manifest. Any failure rolls it all
 *    back, leaving the target as empty as it was (apart from the migrations).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { timingSafeEqual } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDb, type DatabaseTarget, type Db, type DbHandle } from "../db.ts";
import { ConfigError, SECRET_NAMES, type SecretName } from "../env.ts";
import { secretCheckValue, type SecretsToCheck } from "../domain/secret-check.ts";
import { verifyAuditChain } from "../domain/audit-verify.ts";
import { withFastByteaReads } from "../pglite-bytea.ts";
import { applyMigrations, releaseSchemaEngine, MIGRATION_LOCK_FILE } from "../../prisma/tool/schema-engine.ts";
import { migrationPaths } from "../../prisma/tool/paths.ts";
import { readArchive, verifyArchive, type Manifest } from "./archive.ts";
import { auditHead, quoteIdent, schemaVersion, secretCheckValues } from "./snapshot.ts";

/** A restore refused or failed; the message is one line saying what to do. */
export class RestoreError extends ConfigError {
  override name = "RestoreError";
}

export interface RestoreOptions {
  file: string;
  target: DatabaseTarget;
  secrets: SecretsToCheck;
  /** App root holding prisma/ (default: the working directory). */
  root?: string;
  /** Longest the restore transaction may take (default 2 hours). */
  timeoutMs?: number;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  migrationsApplied: string[];
}

/** The secrets must be the ones the backed-up data was written under. */
export function checkSecretsAgainstManifest(manifest: Manifest, input: SecretsToCheck): void {
  if (input.generatedSecrets.length > 0) {
    throw new RestoreError(
      `${input.secretsFile} is missing, so ${input.generatedSecrets.join(", ")} would be new keys that cannot read this backup; import the installation's keys first (npm run keys:import -- <key file>) or set them in the environment — refusing to restore`,
    );
  }
  for (const stored of manifest.secretChecks) {
    if (!(stored.name in SECRET_NAMES)) continue; // a secret this version does not know of checks nothing
    const name = stored.name as SecretName;
    const expected = Buffer.from(stored.check, "hex");
    const actual = secretCheckValue(name, input.secrets[SECRET_NAMES[name]]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      const from = input.secretOrigins[name] === "environment" ? "the environment" : input.secretsFile;
      throw new RestoreError(
        `${name} (from ${from}) is not the key this backup was made with; import the keys saved with it (npm run keys:import -- <key file>) or set the original ${name} — refusing to restore`,
      );
    }
  }
}

async function localMigrations(root?: string): Promise<string[]> {
  const { migrationsDir } = migrationPaths(root);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const [table] = await db.$queryRawUnsafe<{ exists: boolean }[]>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`,
  );
  if (!table?.exists) return [];
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
  );
  return rows.map((r) => r.name);
}

async function appTables(db: Pick<Db, "$queryRawUnsafe">): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

async function firstNonEmptyTable(db: Pick<Db, "$queryRawUnsafe">): Promise<string | null> {
  for (const table of await appTables(db)) {
    const [row] = await db.$queryRawUnsafe<{ any: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS "any"`,
    );
    if (row?.any) return table;
  }
  return null;
}

/** Applies the migrations up to and including `version`, from a copy of the migrations directory holding only those. */
async function migrateUpTo(
  handle: DbHandle,
  target: DatabaseTarget,
  version: string,
  root?: string,
): Promise<string[]> {
  const { schemaPath, migrationsDir } = migrationPaths(root);
  const names = (await localMigrations(root)).filter((name) => name <= version);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "lentera-restore-"));
  try {
    const dir = path.join(tmp, "migrations");
    await fs.mkdir(dir);
    await fs.copyFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), path.join(dir, MIGRATION_LOCK_FILE));
    for (const name of names) await fs.cp(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
    const adapterFactory =
      target.kind === "postgres"
        ? new PrismaPg({ connectionString: target.url })
        : new PrismaPGlite(withFastByteaReads(handle.pglite!));
    const { applied } = await applyMigrations({ schemaPath, migrationsDir: dir, adapterFactory });
    return applied;
  } finally {
    await releaseSchemaEngine();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** Lines are grouped into INSERTs of at most this much JSON text. */
const MAX_STATEMENT_CHARS = 8 * 1024 * 1024;

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { file, target, root } = options;
  const manifest = await verifyArchive(file);
  const known = await localMigrations(root);
  if (!known.includes(manifest.schemaVersion)) {
    throw new RestoreError(
      `the backup's schema version ${manifest.schemaVersion} is unknown to this Lentera (newest known: ${known.at(-1) ?? "none"}); restore it with the Lentera version that made it (${manifest.appVersion}) or newer`,
    );
  }
  checkSecretsAgainstManifest(manifest, options.secrets);

  const handle = await openDb(target, { migrate: false, root });
  try {
    const { db } = handle;
    const nonEmpty = await firstNonEmptyTable(db);
    if (nonEmpty)
      throw new RestoreError(
        `the target database is not empty (table ${nonEmpty} holds rows); restore only into an empty database or data directory — refusing to restore`,
      );
    const beyond = (await appliedMigrations(db)).filter(
      (name) => name > manifest.schemaVersion || !known.includes(name),
    );
    if (beyond.length)
      throw new RestoreError(
        `the target database already has migration ${beyond[0]}, newer than the backup's ${manifest.schemaVersion}; restore into a new, empty database — refusing to restore`,
      );
    const migrationsApplied = await migrateUpTo(handle, target, manifest.schemaVersion, root);

    const rows = await db.$transaction(
      async (tx) => {
        const tables = await appTables(tx);
        const listed = manifest.tables.map((t) => t.name).sort();
        if (tables.join(",") !== listed.join(",")) {
          throw new RestoreError(
            `the tables after migrating to ${manifest.schemaVersion} differ from the backup's (${tables
              .filter((t) => !listed.includes(t))
              .concat(listed.filter((t) => !tables.includes(t)))
              .join(", ")}); the backup does not fit this Lentera`,
          );
        }
        const stillEmpty = await firstNonEmptyTable(tx);
        if (stillEmpty)
          throw new RestoreError(
            `table ${stillEmpty} received rows while restoring; restore only into a database nothing else uses`,
          );
        let total = 0;
        await readArchive(file, {
          async manifest() {},
          async rows(table, lines) {
            let start = 0;
            while (start < lines.length) {
              let end = start;
              let size = 0;
              while (end < lines.length && (end === start || size + lines[end]!.length < MAX_STATEMENT_CHARS))
                size += lines[end++]!.length + 1;
              const t = quoteIdent(table);
              // OVERRIDING SYSTEM VALUE: identity columns keep their backed-up values.
              await tx.$executeRawUnsafe(
                `INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${t}, $1::json)`,
                `[${lines.slice(start, end).join(",")}]`,
              );
              total += end - start;
              start = end;
            }
          },
        });
        await resetSequences(tx);
        await verifyRestored(tx, manifest);
        return total;
      },
      { timeout: options.timeoutMs ?? 2 * 3_600_000, maxWait: 60_000 },
    );
    return { manifest, rows, migrationsApplied };
  } finally {
    await handle.close();
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Moves every serial/identity sequence past the largest restored value. */
async function resetSequences(tx: Pick<Db, "$queryRawUnsafe">): Promise<void> {
  const columns = await tx.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  for (const { table, column } of columns) {
    const t = quoteIdent(table);
    const c = quoteIdent(column);
    await tx.$queryRawUnsafe(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${c}), 0) + 1, false)::text FROM ${t}`,
      t,
      column,
    );
  }
}

async function verifyRestored(tx: Tx, manifest: Manifest): Promise<void> {
  for (const { name, rows } of manifest.tables) {
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quoteIdent(name)}`);
    if (row?.n !== rows)
      throw new RestoreError(
        `table ${name} holds ${row?.n} rows after restoring, the backup says ${rows}; nothing was restored`,
      );
  }
  const chain = await verifyAuditChain(tx);
  if (!chain.ok)
    throw new RestoreError(
      `the restored audit trail is broken at entry #${chain.firstBroken.id} (${chain.firstBroken.reason}); nothing was restored`,
    );
  const head = await auditHead(tx);
  if (
    head.count !== manifest.audit.count ||
    head.headHash !== manifest.audit.headHash ||
    head.headId !== manifest.audit.headId
  ) {
    throw new RestoreError(
      `the restored audit trail ends at #${head.headId} (${head.headHash}), the backup's at #${manifest.audit.headId} (${manifest.audit.headHash}); nothing was restored`,
    );
  }
  const checks = await secretCheckValues(tx);
  if (JSON.stringify(checks) !== JSON.stringify(manifest.secretChecks))
    throw new RestoreError("the restored secret check values differ from the backup's; nothing was restored");
  if ((await schemaVersion(tx)) !== manifest.schemaVersion)
    throw new RestoreError(
      `the target's schema version is not the backup's ${manifest.schemaVersion}; nothing was restored`,
    );
}
