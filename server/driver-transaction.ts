/**
 * The driver adapter's own handle on the open interactive transaction, for statements whose
 * parameters are large byte strings (evidence files). Prisma turns every Bytes value into base64
 * (for its query-cache key and its protocol) and the adapter decodes it again: megabytes of
 * copying and garbage on the request thread per photo. Through the driver the bytes go as they
 * are, in the same transaction as the Prisma statements around them.
 *
 * How the two meet: transaction() runs each attempt inside driverTransactionScope, and the
 * adapter (wrapped by recordingTransactions in db.ts) records the transaction it opens in that
 * scope. Any driver adapter works the same way (PGlite, PostgreSQL).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Tx } from "./domain/tx.ts";

type ArgType = { scalarType: "string" | "int" | "boolean" | "datetime" | "bytes"; arity: "scalar"; dbType?: string };
/** A statement parameter: text, integer, boolean, time or bytes (sent as they are). */
export type DriverArg = string | number | boolean | Date | Uint8Array | null;

interface DriverTransaction {
  executeRaw(query: { sql: string; args: unknown[]; argTypes: ArgType[] }): Promise<number>;
}

// One per process, not per module copy: the server's bundles may load this file more than once
// (the database client made in one, transactions run from another), and both must share it.
const scope = ((
  globalThis as { lenteraDriverTransactions?: AsyncLocalStorage<{ open?: DriverTransaction }> }
).lenteraDriverTransactions ??= new AsyncLocalStorage());

/** Runs one interactive transaction (`run` calls Prisma's $transaction) so driverExecute can reach it. */
export function driverTransactionScope<T>(run: () => Promise<T>): Promise<T> {
  return scope.run({}, run);
}

/** Wraps a driver adapter factory so the transactions its adapters open are recorded in the caller's scope. */
export function recordingTransactions<F extends { connect(): Promise<object> }>(factory: F): F {
  return new Proxy(factory, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (key !== "connect" || typeof value !== "function") return value;
      return async () => {
        const adapter = (await (value as () => Promise<object>).call(t)) as object;
        return new Proxy(adapter, {
          get(a, k) {
            const member = Reflect.get(a, k, a) as unknown;
            if (typeof member !== "function") return member;
            if (k !== "startTransaction") return (member as (...args: unknown[]) => unknown).bind(a);
            return async (...args: unknown[]) => {
              const opened = (await (member as (...x: unknown[]) => Promise<DriverTransaction>).apply(
                a,
                args,
              )) as DriverTransaction;
              const store = scope.getStore();
              if (store) store.open = opened;
              return opened;
            };
          },
        });
      };
    },
  });
}

const argType = (value: DriverArg): ArgType => {
  if (value instanceof Uint8Array) return { scalarType: "bytes", arity: "scalar" };
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar", dbType: "TIMESTAMPTZ" };
  if (typeof value === "number") return { scalarType: "int", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  return { scalarType: "string", arity: "scalar" };
};

/**
 * One statement ($1, $2, … placeholders) in the transaction `_tx` belongs to, through the driver;
 * returns the rows affected. Only inside transaction(): anywhere else there is no transaction to
 * join, and it throws rather than write outside one.
 */
export function driverExecute(_tx: Tx, sql: string, args: readonly DriverArg[]): Promise<number> {
  const open = scope.getStore()?.open;
  if (!open) throw new Error("driverExecute needs the transaction opened by transaction()");
  return open.executeRaw({ sql, args: [...args], argTypes: args.map(argType) });
}
