/**
 * The Bind, Execute and Sync messages of one run of a prepared statement, written straight into
 * one array of their exact size. PGlite's own serialiser copies a binary parameter five times
 * (a slice, two growing writers, two flushes) before the messages are joined in a sixth copy:
 * for a sealed 1 MB photo that was six megabytes allocated, zeroed and copied on the request
 * thread, and garbage for the collector. The bytes are the same as
 * `serialize.bind({ statement, values })`, `serialize.execute({})`, `serialize.sync()` joined.
 */

/** A parameter as PGlite's serialisers leave it: text, bytes (sent in binary format) or null. */
export type BindValue = string | ArrayBufferView | ArrayBuffer | null;

const EXECUTE_AND_SYNC = Uint8Array.from([69, 0, 0, 0, 9, 0, 0, 0, 0, 0, 83, 0, 0, 0, 4]);

const asBytes = (value: ArrayBufferView | ArrayBuffer): Uint8Array =>
  ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value);

/** Bind (unnamed portal, every result column as text), Execute (all rows), Sync. */
export function bindExecuteSync(statement: string, values: readonly BindValue[]): Uint8Array {
  const n = values.length;
  const parts: (Uint8Array | string | null)[] = values.map((v) =>
    v === null || typeof v === "string" ? v : asBytes(v),
  );
  const lengths = parts.map((p) => (p === null ? -1 : typeof p === "string" ? Buffer.byteLength(p, "utf8") : p.length));
  const name = Buffer.byteLength(statement, "utf8");
  // type, length, portal "" and its NUL, statement and its NUL, format count, formats, value
  // count, each value's length and bytes, result format count.
  let size = 1 + 4 + 1 + name + 1 + 2 + 2 * n + 2 + 2;
  for (const len of lengths) size += 4 + Math.max(len, 0);
  const out = Buffer.allocUnsafe(size + EXECUTE_AND_SYNC.length);
  let at = 0;
  out[at++] = 66;
  out.writeInt32BE(size - 1, at);
  at += 4;
  out[at++] = 0;
  at += out.write(statement, at, "utf8");
  out[at++] = 0;
  out.writeUInt16BE(n, at);
  at += 2;
  for (const p of parts) at = out.writeInt16BE(p === null || typeof p === "string" ? 0 : 1, at);
  out.writeUInt16BE(n, at);
  at += 2;
  for (let i = 0; i < n; i++) {
    const p = parts[i]!;
    at = out.writeInt32BE(lengths[i]!, at);
    if (p === null) continue;
    if (typeof p === "string") at += out.write(p, at, "utf8");
    else {
      out.set(p, at);
      at += p.length;
    }
  }
  at = out.writeInt16BE(0, at);
  out.set(EXECUTE_AND_SYNC, at);
  return out;
}
