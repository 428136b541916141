/**
 * Wraps a Prisma driver adapter (PostgreSQL or PGlite) so every query, transaction step and
 * connection attempt that fails because the database is unavailable throws one typed
 * DatabaseUnavailableError (Prisma passes it on unchanged), tells the health monitor, and
 * marks the current HTTP response 503. Other errors pass through untouched.
 */
import { unavailableReason } from "./classify.ts";
import { dropProbe, noteAvailable, noteUnavailable, setProbe } from "./health.ts";
import { markResponseUnavailable } from "./response-status.ts";
import { DatabaseUnavailableError } from "./unavailable-error.ts";

interface AdapterFactoryLike {
  connect(): Promise<object>;
}

/** The driver's own last connection error (PostgreSQL): Prisma's copy drops the code. */
export type RawErrorSource = () => unknown;

function guardError(error: unknown, raw?: RawErrorSource): unknown {
  const reason = unavailableReason(error);
  if (!reason) return error;
  const exact = raw ? unavailableReason(raw()) : null;
  const typed = new DatabaseUnavailableError(exact ?? reason);
  noteUnavailable(typed.reason);
  markResponseUnavailable();
  return typed;
}

/** Calls whose success shows the database answering (dispose or rollback prove nothing). */
const ANSWERS = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript", "startTransaction", "commit"]);

const isQueryable = (v: unknown): v is object =>
  typeof v === "object" && v !== null && typeof (v as { queryRaw?: unknown }).queryRaw === "function";

/** Every async method of the adapter (and of the transactions it opens) is guarded. */
function guard<T extends object>(target: T, raw?: RawErrorSource): T {
  return new Proxy(target, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const startedAt = Date.now();
        let out: unknown;
        try {
          out = (value as (...a: unknown[]) => unknown).apply(t, args);
        } catch (e) {
          throw guardError(e, raw);
        }
        if (!out || typeof (out as Promise<unknown>).then !== "function") return out;
        return (out as Promise<unknown>).then(
          (result) => {
            if (ANSWERS.has(key)) noteAvailable(startedAt);
            return isQueryable(result) ? guard(result, raw) : result;
          },
          (e: unknown) => {
            throw guardError(e, raw);
          },
        );
      };
    },
  });
}

/** The factory Prisma is given; its connect() returns a guarded adapter that can also probe. */
export function guardAdapterFactory<F extends AdapterFactoryLike>(factory: F, raw?: RawErrorSource): F {
  return new Proxy(factory, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (key !== "connect" || typeof value !== "function") return value;
      return async () => {
        let adapter: object;
        try {
          adapter = (await (value as () => Promise<object>).call(t)) as object;
        } catch (e) {
          throw guardError(e, raw);
        }
        const guarded = guard(adapter, raw) as {
          queryRaw: (q: object) => Promise<unknown>;
          dispose?: () => Promise<void>;
        };
        const owner = {};
        setProbe(owner, () => guarded.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] }));
        const dispose = guarded.dispose?.bind(guarded);
        return new Proxy(guarded, {
          get(g, k) {
            if (k === "dispose") {
              return async () => {
                dropProbe(owner);
                await dispose?.();
              };
            }
            return Reflect.get(g, k, g) as unknown;
          },
        });
      };
    },
  });
}
