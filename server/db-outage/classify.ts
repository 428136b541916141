/**
 * Recognises "the database is unavailable" among everything a query can throw, whatever layer
 * wrapped it: a Node socket error (refused, reset, timed out, unreachable, disk full), the
 * PostgreSQL driver's errors, Prisma's driver-adapter kinds and codes, PGlite aborted or
 * closed. Returns the reason as one short line, or null for any other failure (a constraint,
 * a bug): those must stay faults, not become "try again later".
 */
import { isDatabaseUnavailableError } from "./unavailable-error.ts";

/** Socket and file-system error codes that mean the server or its storage is gone. */
const SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EPIPE",
  "ECONNABORTED",
  "ENOSPC",
  "EIO",
  "EDQUOT",
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: disk
 * full, out of memory, too many connections), 57P01–57P05 (shut down, crashed, starting up,
 * idle session ended), 58030 (I/O error).
 */
const unavailableSqlState = (code: string) =>
  /^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[1-5]$/.test(code) || code === "58030";

/** Prisma codes: can't reach, timed out, closed the connection, connection-pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Prisma driver-adapter error kinds for a lost or unreachable server. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Messages of errors that carry no code: node-postgres, pg-pool, PGlite (Emscripten). */
const MESSAGES: RegExp[] = [
  /^Connection terminated/i,
  /^timeout exceeded when trying to connect/i,
  /^Client has encountered a connection error and is not queryable/i,
  /^Client was closed and is not queryable/i,
  /^Cannot use a pool after calling end on the pool/i,
  /^Aborted\(/,
  /^PGlite is closed/i,
  /No space left on device/i,
  /^read ECONNRESET/,
];

type Loose = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
const firstLine = (v: string) =>
  v
    .trim()
    .split("\n")
    .find((l) => l.trim())
    ?.trim() ?? "";

function systemReason(e: Loose): string | null {
  const code = str(e.code);
  if (!code || !SYSTEM_CODES.has(code)) return null;
  const address = str(e.address) ?? str(e.hostname);
  if (address) return `${code} ${address}${e.port !== undefined ? `:${String(e.port)}` : ""}`;
  const message = str(e.message);
  return message && !message.startsWith(code) ? `${code} (${firstLine(message)})` : message ? firstLine(message) : code;
}

function adapterReason(cause: Loose): string | null {
  const kind = str(cause.kind);
  if (!kind) return null;
  if (kind === "postgres" || str(cause.originalCode)) {
    const code = str(cause.code) ?? str(cause.originalCode);
    return code && unavailableSqlState(code)
      ? `${firstLine(str(cause.message) ?? str(cause.originalMessage) ?? "")} (SQLSTATE ${code})`
      : null;
  }
  if (!ADAPTER_KINDS.has(kind)) return null;
  if (kind === "DatabaseNotReachable" && str(cause.host))
    return `database server not reachable at ${String(cause.host)}${cause.port !== undefined ? `:${String(cause.port)}` : ""}`;
  if (kind === "ConnectionClosed") return "connection closed by the server";
  if (kind === "SocketTimeout") return "socket timeout";
  if (kind === "TooManyConnections") return "too many connections";
  return kind;
}

function reasonOf(e: unknown, depth: number): string | null {
  if (depth > 5 || e === null || e === undefined) return null;
  if (isDatabaseUnavailableError(e)) return (e as { reason?: string }).reason ?? "database unavailable";
  if (typeof e !== "object") return typeof e === "string" && MESSAGES.some((m) => m.test(e)) ? firstLine(e) : null;
  const o = e as Loose;
  const sys = systemReason(o);
  if (sys) return sys;
  // node-postgres server errors: code + severity.
  const code = str(o.code);
  if (code && str(o.severity) && unavailableSqlState(code))
    return `${firstLine(str(o.message) ?? "")} (SQLSTATE ${code})`;
  // Prisma's DriverAdapterError (cause = the adapter's kind) and known errors (meta.driverAdapterError).
  if (o.name === "DriverAdapterError" && typeof o.cause === "object" && o.cause) {
    const r = adapterReason(o.cause as Loose);
    if (r) return r;
  }
  const meta = o.meta as Loose | undefined;
  const nested = meta && typeof meta.driverAdapterError === "object" ? (meta.driverAdapterError as Loose) : undefined;
  if (nested && typeof nested.cause === "object" && nested.cause) {
    const r = adapterReason(nested.cause as Loose);
    if (r) return r;
  }
  if (code && PRISMA_CODES.has(code))
    return `${firstLine(str(o.message) ?? code).replace(/^Invalid `.*` invocation:\s*/s, "")} (${code})`;
  const message = str(o.message);
  if (message) {
    const line = message
      .split("\n")
      .map((l) => l.trim())
      .find((l) => MESSAGES.some((m) => m.test(l)));
    if (line) return line;
  }
  if (o.cause !== undefined && o.cause !== e) return reasonOf(o.cause, depth + 1);
  // AggregateError (several addresses tried, e.g. ::1 and 127.0.0.1).
  if (Array.isArray(o.errors))
    for (const inner of o.errors) {
      const r = reasonOf(inner, depth + 1);
      if (r) return r;
    }
  return null;
}

/** The reason the database is unavailable, or null if this error means something else. */
export function unavailableReason(e: unknown): string | null {
  return reasonOf(e, 0);
}

export function isDatabaseUnavailable(e: unknown): boolean {
  return unavailableReason(e) !== null;
}

/**
 * One line naming any failure, for logs: never empty and never "[object Object]". The first
 * line of a message only (Prisma puts the query and its values on later lines).
 */
export function describeFailure(e: unknown): string {
  const unavailable = unavailableReason(e);
  if (unavailable) return unavailable;
  if (e instanceof Error || (typeof e === "object" && e !== null)) {
    const o = e as Loose;
    const message = str(o.message) ? firstLine(o.message as string).replace(/^Invalid `.*` invocation:?$/, "") : "";
    const code = str(o.code);
    const name = str(o.name) ?? (e as object).constructor?.name;
    const text = [code, message].filter(Boolean).join(" ");
    if (text) return name && name !== "Error" && !text.startsWith(name) ? `${name}: ${text}` : text;
    if (o.cause !== undefined && o.cause !== e) return describeFailure(o.cause);
    try {
      const json = JSON.stringify(e);
      if (json && json !== "{}") return `${name ?? "error"} ${json.slice(0, 200)}`;
    } catch {
      // circular: fall through to the name
    }
    return name ?? "unknown error";
  }
  const text = String(e).trim();
  return text || "unknown error (empty)";
}
