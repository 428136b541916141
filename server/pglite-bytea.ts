/**
 * Fast bytea for the embedded database. PGlite's own bytea serialiser writes a Uint8Array
 * parameter as hex byte by byte (Array.from, padStart, join) and pglite-prisma-adapter parses a
 * bytea result with a parseInt per byte: together about a second of CPU per megabyte of
 * evidence. Writes go through PGlite's `serializers` option; reads through withFastByteaReads.
 */

const BYTEA = 17;

/**
 * A bytea parameter goes as it is: PGlite sends a Uint8Array in PostgreSQL's binary format
 * (the bytes themselves), where any string would be sent as text. Hex text of a 1 MB photo
 * was 2 MB that PGlite then measured character by character for its UTF-8 length, twice,
 * copied, and that PostgreSQL decoded again; the bytes are one copy.
 */
export function byteaParameter(value: Uint8Array): Uint8Array {
  return value;
}

export function parseBytea(text: string): Uint8Array {
  // A copy with its own ArrayBuffer, as the adapter's parser returns (small Buffers share a pool).
  return new Uint8Array(Buffer.from(text.slice(2), "hex"));
}

/**
 * For `new PGlite(dir, { serializers: byteaSerializers })`. PGlite's type says a serialiser
 * returns a string, but its bind step takes any ArrayBuffer view as a binary parameter.
 */
export const byteaSerializers = {
  [BYTEA]: (value: unknown) => byteaParameter(value as Uint8Array) as unknown as string,
};

type Parsers = Record<number, (value: string, typeId: number) => unknown>;
type QueryOptions = { parsers?: Parsers } & Record<string, unknown>;

/**
 * The client for PrismaPGlite: every query (also inside transactions) parses bytea with
 * parseBytea. The adapter passes the same parsers object with every query, and PGlite then
 * copies its ~320 default parsers into a new object for each result; that copy was the largest
 * single cost of a staff download. So the adapter's parsers (bytea swapped for ours) go into
 * the PGlite instance once, the first time they are seen, and queries go without them.
 */
export function withFastByteaReads<T extends { parsers: Record<number | string, unknown> }>(pglite: T): T {
  const installed = new WeakSet<Parsers>();
  const install = (parsers: Parsers) => {
    if (installed.has(parsers)) return;
    Object.assign(pglite.parsers, parsers, parsers[BYTEA] ? { [BYTEA]: parseBytea } : {});
    installed.add(parsers);
  };
  const wrap = <C extends object>(client: C): C =>
    new Proxy(client, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (prop === "query" && typeof value === "function") {
          return (sql: string, params?: unknown[], options?: QueryOptions) => {
            if (!options?.parsers) return value.call(target, sql, params, options);
            install(options.parsers);
            const { parsers: _installed, ...rest } = options;
            return value.call(target, sql, params, rest);
          };
        }
        if (prop === "transaction" && typeof value === "function") {
          return (fn: (tx: object) => Promise<unknown>) => value.call(target, (tx: object) => fn(wrap(tx)));
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return wrap(pglite);
}
