/**
 * Fast bytea for the embedded database. PGlite serialises a Uint8Array parameter byte by byte
 * (Array.from, padStart, join) and pglite-prisma-adapter parses a bytea result with a parseInt
 * per byte: together about a second of CPU per megabyte of evidence, which capped report
 * submission on two cores. Node's hex codec does the same in milliseconds. Writes go through
 * PGlite's `serializers` option; the adapter passes its own parsers with every query, so its
 * client is wrapped to swap in ours for reads.
 */

const BYTEA = 17;

export function serializeBytea(value: Uint8Array): string {
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

export function parseBytea(text: string): Uint8Array {
  // A copy with its own ArrayBuffer, as the adapter's parser returns (small Buffers share a pool).
  return new Uint8Array(Buffer.from(text.slice(2), "hex"));
}

/** For `new PGlite(dir, { serializers: byteaSerializers })`. */
export const byteaSerializers = { [BYTEA]: (value: unknown) => serializeBytea(value as Uint8Array) };

type QueryOptions = { parsers?: Record<number, (value: string, typeId: number) => unknown> } & Record<string, unknown>;

/** The client for PrismaPGlite: every query (also inside transactions) parses bytea with parseBytea. */
export function withFastByteaReads<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === "query" && typeof value === "function") {
        return (sql: string, params?: unknown[], options?: QueryOptions) =>
          value.call(target, sql, params, options?.parsers?.[BYTEA] ? { ...options, parsers: { ...options.parsers, [BYTEA]: parseBytea } } : options);
      }
      if (prop === "transaction" && typeof value === "function") {
        return (fn: (tx: object) => Promise<unknown>) => value.call(target, (tx: object) => fn(withFastByteaReads(tx)));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

