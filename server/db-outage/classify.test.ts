/**
 * Which failures mean "the database is unavailable", and the one-line reason logged for them.
 * The shapes are those the drivers really throw (node-postgres, pg-pool, Prisma's PostgreSQL
 * adapter, PGlite); the integration test produces the PostgreSQL ones for real.
 */
import { describe, expect, it } from "vitest";
import { describeFailure, isDatabaseUnavailable, unavailableReason } from "./classify.ts";
import { DatabaseUnavailableError } from "./unavailable-error.ts";

const sysError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111, ...extra });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });

describe("unavailableReason", () => {
  it("names socket failures by code and address", () => {
    expect(unavailableReason(sysError("ECONNREFUSED", { address: "127.0.0.1", port: 5432 }))).toBe(
      "ECONNREFUSED 127.0.0.1:5432",
    );
    expect(unavailableReason(sysError("ETIMEDOUT", { address: "10.0.0.5", port: 5432 }))).toBe(
      "ETIMEDOUT 10.0.0.5:5432",
    );
    expect(unavailableReason(sysError("ENOSPC"))).toBe("ENOSPC (connect ENOSPC 127.0.0.1:5432)");
  });

  it("finds the reason inside an AggregateError with an empty message (localhost tried on ::1 and 127.0.0.1)", () => {
    const e = new AggregateError(
      [
        sysError("ECONNREFUSED", { address: "::1", port: 5432 }),
        sysError("ECONNREFUSED", { address: "127.0.0.1", port: 5432 }),
      ],
      "",
    );
    expect(unavailableReason(e)).toBe("ECONNREFUSED ::1:5432");
  });

  it("recognises PostgreSQL's shutdown, start-up, disk-full and connection SQLSTATEs, not others", () => {
    expect(unavailableReason(pgError("57P01", "terminating connection due to administrator command"))).toBe(
      "terminating connection due to administrator command (SQLSTATE 57P01)",
    );
    expect(unavailableReason(pgError("57P03", "the database system is starting up"))).toMatch(/starting up/);
    expect(
      unavailableReason(pgError("53100", 'could not extend file "base/16384/2619": No space left on device')),
    ).toMatch(/53100/);
    expect(unavailableReason(pgError("08006", "connection failure"))).toMatch(/08006/);
    expect(unavailableReason(pgError("23505", "duplicate key value violates unique constraint"))).toBeNull();
    expect(unavailableReason(pgError("42P01", 'relation "x" does not exist'))).toBeNull();
  });

  it("recognises Prisma's adapter kinds and codes", () => {
    expect(unavailableReason(adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 }))).toBe(
      "database server not reachable at db:5432",
    );
    expect(unavailableReason(adapterError({ kind: "ConnectionClosed" }))).toBe("connection closed by the server");
    expect(
      unavailableReason(adapterError({ kind: "postgres", code: "57P01", message: "terminating connection" })),
    ).toMatch(/57P01/);
    expect(
      unavailableReason(adapterError({ kind: "UniqueConstraintViolation", constraint: { fields: ["x"] } })),
    ).toBeNull();
    const known = Object.assign(
      new Error("\nInvalid `prisma.case.findMany()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432"),
      { name: "PrismaClientKnownRequestError", code: "P1001", meta: {} },
    );
    expect(unavailableReason(known)).toMatch(/P1001/);
    expect(
      unavailableReason(
        Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }),
      ),
    ).toMatch(/P2024/);
    expect(unavailableReason(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBeNull();
  });

  it("recognises node-postgres and PGlite messages without codes", () => {
    expect(unavailableReason(new Error("Connection terminated unexpectedly"))).toBe(
      "Connection terminated unexpectedly",
    );
    expect(unavailableReason(new Error("timeout exceeded when trying to connect"))).toBe(
      "timeout exceeded when trying to connect",
    );
    expect(
      unavailableReason(
        Object.assign(new Error("Aborted(). Build with -sASSERTIONS for more info."), { name: "RuntimeError" }),
      ),
    ).toMatch(/^Aborted\(/);
    expect(unavailableReason(new Error("PGlite is closed"))).toBe("PGlite is closed");
    expect(unavailableReason(new Error("Cannot read properties of undefined"))).toBeNull();
    expect(unavailableReason(new TypeError("x is not a function"))).toBeNull();
  });

  it("passes the typed error's own reason through, and looks into causes", () => {
    expect(unavailableReason(new DatabaseUnavailableError("ECONNRESET"))).toBe("ECONNRESET");
    expect(
      isDatabaseUnavailable(
        new Error("wrapped", { cause: sysError("ECONNRESET", { address: "127.0.0.1", port: 5432 }) }),
      ),
    ).toBe(true);
  });
});

describe("describeFailure (the start-up line)", () => {
  it("is never empty nor [object Object]", () => {
    expect(describeFailure(new AggregateError([], ""))).not.toBe("");
    expect(describeFailure(new Error(""))).not.toBe("");
    expect(describeFailure({ kind: "DiskFull" })).toBe('Object {"kind":"DiskFull"}');
    expect(describeFailure({})).toBe("Object");
    expect(describeFailure("")).toBe("unknown error (empty)");
    expect(describeFailure(undefined)).toBe("undefined");
  });

  it("names an unavailable database by its reason and other failures by their first line", () => {
    expect(
      describeFailure(new AggregateError([sysError("ECONNREFUSED", { address: "127.0.0.1", port: 5432 })], "")),
    ).toBe("ECONNREFUSED 127.0.0.1:5432");
    expect(
      describeFailure(Object.assign(new Error('password authentication failed for user "x"\nmore'), { code: "28P01" })),
    ).toBe('28P01 password authentication failed for user "x"');
  });
});
