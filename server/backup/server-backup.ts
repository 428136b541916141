/**
 * A backup taken inside the running server. On PostgreSQL the snapshot transaction runs
 * beside the app's connections. Embedded PGlite has a single connection, so a snapshot
 * transaction there would make every request wait for the whole backup (and the app's own
 * transactions give up after two seconds): instead the data directory is copied under
 * PGlite's exclusive hold — a crash-consistent image, one short pause — into a private
 * directory beside it, opened as a second PGlite (recovery drops unfinished transactions),
 * and the backup is read from that copy while the server goes on serving.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Db, DbHandle } from "../db.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { byteaSerializers, withFastByteaReads } from "../pglite-bytea.ts";
import type { Manifest } from "./archive.ts";
import { writeBackup } from "./snapshot.ts";

/** Where copies are made: inside the data directory (same disk, same private permissions). */
const COPY_PREFIX = "backup-copy-";

async function withPGliteCopy<T>(pglite: PGlite, workDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const dump = await pglite.dumpDataDir("gzip");
  await fs.mkdir(workDir, { recursive: true, mode: 0o700 });
  const dir = path.join(workDir, `${COPY_PREFIX}${randomBytes(6).toString("hex")}`);
  let copy: PGlite | undefined;
  let db: PrismaClient | undefined;
  try {
    copy = new PGlite(dir, { loadDataDir: dump, serializers: byteaSerializers });
    await copy.waitReady;
    db = new PrismaClient({ errorFormat: "minimal", adapter: new PrismaPGlite(withFastByteaReads(copy)) });
    return await fn(db);
  } finally {
    await db?.$disconnect().catch(() => {});
    await copy?.close().catch(() => {});
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Removes copies left by a server that died during a backup (call while holding the data directory). */
export async function removeLeftoverCopies(workDir: string): Promise<void> {
  const entries = await fs.readdir(workDir).catch(() => [] as string[]);
  for (const name of entries)
    if (name.startsWith(COPY_PREFIX)) await fs.rm(path.join(workDir, name), { recursive: true, force: true });
}

export async function backupFromServer(
  handle: DbHandle,
  sink: (chunk: Uint8Array) => Promise<void>,
  workDir: string,
): Promise<Manifest> {
  if (handle.backend === "pglite" && handle.pglite)
    return withPGliteCopy(handle.pglite, workDir, (db) => writeBackup(db, sink, { backend: "pglite" }));
  return writeBackup(handle.db, sink, { backend: handle.backend });
}
