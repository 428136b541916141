/**
 * Prisma's driver adapters pass every query object to @prisma/debug, which keeps the arguments
 * of its last 100 calls whether or not debugging is on (for its error reports). With evidence
 * files among the parameters that held the last hundred photos (hundreds of megabytes of
 * sealed bytes, and other values no one needs kept) for as long as the process ran. So each
 * query reaches the adapter as a copy whose argument list is emptied once the query is done:
 * the history keeps the statement text, never the values.
 */

interface Query {
  args?: unknown[];
}

const QUERIES = new Set<PropertyKey>(["queryRaw", "executeRaw"]);

const isQueryable = (v: unknown): v is object =>
  typeof v === "object" && v !== null && typeof (v as { queryRaw?: unknown }).queryRaw === "function";

/** The adapter (and each transaction it opens) with queries whose values are let go afterwards. */
function forgetting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (typeof value !== "function") return value;
      if (QUERIES.has(key))
        return async (query: Query) => {
          const copy = { ...query, args: [...(query.args ?? [])] };
          try {
            return (await (value as (q: Query) => Promise<unknown>).call(t, copy)) as unknown;
          } finally {
            copy.args.length = 0;
          }
        };
      if (key !== "startTransaction") return (value as (...a: unknown[]) => unknown).bind(t);
      return async (...args: unknown[]) => {
        const opened = (await (value as (...a: unknown[]) => Promise<unknown>).apply(t, args)) as unknown;
        return isQueryable(opened) ? forgetting(opened) : opened;
      };
    },
  });
}

/** Wraps a driver adapter factory: the adapters it connects forget their queries' values. */
export function forgetQueryArgs<F extends { connect(): Promise<object> }>(factory: F): F {
  return new Proxy(factory, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (key !== "connect" || typeof value !== "function") return value;
      return async () => forgetting((await (value as () => Promise<object>).call(t)) as object);
    },
  });
}
