/**
 * Prepared statements for the embedded database. PGlite's query() runs every statement as an
 * unnamed one: six calls into its WebAssembly (parse, describe, bind, describe, execute, sync)
 * and a fresh plan each time, and planning a query on `cases` looks at every index of the
 * table on disk (one fstat each). Prisma sends the same few hundred statement texts over and
 * over, so each text is parsed and described once, as a named statement of the one embedded
 * session, and every later run is a single call (bind, execute, sync) that PostgreSQL may
 * answer from the statement's cached plan, as it does for any client that prepares statements.
 */
import { parse, protocol, type PGlite, type Results, type Transaction } from "@electric-sql/pglite";
import { concatBytes } from "./lib/concat-bytes.ts";
import { bindExecuteSync, type BindValue } from "./pglite-bind.ts";

type QueryOptions = NonNullable<Parameters<PGlite["query"]>[2]>;
type Message = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];

/**
 * The most statements kept at once. The application sends a few hundred distinct texts; a raw
 * statement with its values written into the text would otherwise add one per call. The least
 * recently used is closed when a new one would exceed this.
 */
export const MAX_PREPARED_STATEMENTS = 256;

interface Prepared {
  name: string;
  /** The parameter types PostgreSQL inferred, to serialise each value as query() does. */
  paramTypes: number[];
  /** The statement's row description, given to the result parser in place of a describe per run. */
  rowDescription: Message | null;
}

/** SQLSTATEs after which a statement is prepared afresh: it was dropped, or its result type changed (a migration). */
const STALE_STATEMENT = new Set(["26000", "0A000"]);

const { serialize } = protocol;

/** The statements of one PGlite instance (one database session): names are unique within it. */
class StatementCache {
  readonly #pglite: PGlite;
  readonly #statements = new Map<string, Prepared>();
  #next = 0;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  /**
   * Runs `sql`; the caller holds PGlite's query lock (and its transaction lock outside a
   * transaction). A stale statement is closed; outside a transaction the query is then run once
   * more, prepared afresh (inside one the error has ended the transaction, so it is thrown).
   */
  async run<T>(sql: string, params: unknown[], options: QueryOptions | undefined, retry: boolean): Promise<Results<T>> {
    try {
      return await this.#execute<T>(await this.#prepared(sql), params, options);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== "string" || !STALE_STATEMENT.has(code)) throw e;
      await this.#close(sql);
      if (!retry) throw e;
      return this.#execute<T>(await this.#prepared(sql), params, options);
    }
  }

  async #prepared(sql: string): Promise<Prepared> {
    const known = this.#statements.get(sql);
    if (known) {
      // Most recently used last: the first entry is the one to close when the cache is full.
      this.#statements.delete(sql);
      this.#statements.set(sql, known);
      return known;
    }
    if (this.#statements.size >= MAX_PREPARED_STATEMENTS) await this.#close(this.#statements.keys().next().value!);
    const name = `lentera_${++this.#next}`;
    const messages = await this.#pglite.execProtocolStream(
      concatBytes([serialize.parse({ name, text: sql }), serialize.describe({ type: "S", name }), serialize.sync()]),
      { syncToFs: false },
    );
    const prepared: Prepared = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((m) => m.name === "rowDescription") ?? null,
    };
    this.#statements.set(sql, prepared);
    return prepared;
  }

  async #execute<T>(prepared: Prepared, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const serializers = this.#pglite.serializers;
    // Each value serialised as PGlite's query() does: by the type PostgreSQL inferred for it.
    const values = params.map((value, i): BindValue => {
      if (value === null || value === undefined) return null;
      const oid = prepared.paramTypes[i]!;
      const serializer = options?.serializers?.[oid] ?? serializers[oid];
      // A bytea serialiser returns the bytes themselves (pglite-bytea.ts), whatever its type says.
      return serializer ? (serializer(value) as BindValue) : String(value);
    });
    const messages = await this.#pglite.execProtocolStream(bindExecuteSync(prepared.name, values), {
      syncToFs: false,
      onNotice: options?.onNotice,
    });
    const described = prepared.rowDescription ? [prepared.rowDescription, ...messages] : messages;
    return parse.parseResults(described, this.#pglite.parsers, options)[0] as Results<T>;
  }

  async #close(sql: string): Promise<void> {
    const prepared = this.#statements.get(sql);
    if (!prepared) return;
    this.#statements.delete(sql);
    await this.#pglite.execProtocolStream(
      concatBytes([serialize.close({ type: "S", name: prepared.name }), serialize.sync()]),
      {
        syncToFs: false,
      },
    );
  }
}

/** Options only PGlite's own query() handles (COPY files, forced parameter types): those queries go to it. */
const ownPath = (options?: QueryOptions) =>
  !!options && (options.blob !== undefined || options.paramTypes !== undefined);

const caches = new WeakMap<PGlite, StatementCache>();

/**
 * `pglite` with query() (also a transaction's) running through prepared statements; everything
 * else passes through. Locks and durability as query() has them: a query outside a transaction
 * waits for any open transaction and is synced to disk after it ran; inside one, it waits only
 * for the query before it.
 */
export function withPreparedStatements<P extends PGlite>(pglite: P): P {
  // One cache per instance, however often it is wrapped: statement names are per session.
  let cache = caches.get(pglite);
  if (!cache) caches.set(pglite, (cache = new StatementCache(pglite)));
  const query = async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
    await pglite._checkReady();
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        const result = await cache.run<T>(sql, params, options, true);
        await pglite.syncToFs();
        return result;
      }),
    );
  };
  const inTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop !== "query") return Reflect.get(target, prop, target) as unknown;
        return async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
          if (ownPath(options)) return target.query<T>(sql, params, options);
          if (target.closed) throw new Error("Transaction is closed");
          return pglite._runExclusiveQuery(() => cache.run<T>(sql, params, options, false));
        };
      },
    });
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === "query")
        return <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
          ownPath(options) ? target.query<T>(sql, params, options) : query<T>(sql, params, options);
      if (prop === "transaction")
        return <T>(fn: (tx: Transaction) => Promise<T>) => target.transaction((tx) => fn(inTransaction(tx)));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
