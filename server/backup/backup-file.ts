/**
 * Writing a backup to a file: into `<file>.partial` (mode 0600 — it holds encrypted case
 * data and the hashes of tokens), flushed to disk, read back and checked against its
 * manifest, and only then renamed to its name. A backup that fails at any point leaves no
 * file that looks complete.
 */
import fs from "node:fs";
import { once } from "node:events";
import { verifyArchive, type Manifest } from "./archive.ts";

/** Produces the bytes; returns the manifest it wrote, or nothing when it only relays bytes (then the file's own manifest is taken). */
export type BackupProducer = (sink: (chunk: Uint8Array) => Promise<void>) => Promise<Manifest | void>;

export async function writeBackupFile(file: string, produce: BackupProducer): Promise<Manifest> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600, flags: "w" });
  try {
    await once(out, "open");
    const manifest = await produce(async (chunk) => {
      if (!out.write(chunk)) await once(out, "drain");
    });
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    const fd = fs.openSync(partial, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const check = await verifyArchive(partial);
    if (manifest && JSON.stringify(check) !== JSON.stringify(manifest))
      throw new Error("the written file's manifest differs from the backup's");
    fs.renameSync(partial, file);
    return check;
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
