/**
 * Append-only, hash-chained audit trail. Each entry's hash covers the
 * previous entry's hash and its own fields, so editing or deleting any row breaks every
 * later link. Reporters appear only as the label "reporter", never with an address.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { sha256, type Bytes } from "./crypto.ts";
import type { Db } from "../db.ts";
import type { Tx } from "./tx.ts";

export const GENESIS_HASH: Bytes = Buffer.alloc(32) as Bytes;

export interface AuditInput {
  actorId?: string | null;
  /** "reporter", "system", or the staff username. */
  actorLabel: string;
  action: string;
  caseId?: string | null;
  target?: string | null;
  /** Ids, statuses and field names only: never free text from a report. */
  detail?: Prisma.InputJsonObject;
  /** Staff requests only. */
  ipAddress?: string | null;
  at: Date;
}

/** JSON with object keys sorted: jsonb reorders keys, and the verifier must hash what was hashed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

type AuditFields = Required<Omit<AuditInput, "at">> & { at: Date };

/** What an entry's hash covers, in this order (after the previous entry's hash). */
const auditFields = (e: AuditFields) => [
  e.at.toISOString(),
  e.actorId,
  e.actorLabel,
  e.action,
  e.caseId,
  e.target,
  e.detail,
  e.ipAddress,
];

/** The verifier's side of the chain; the database computes the same when appending. */
export function auditHash(prevHash: Uint8Array, e: AuditFields): Bytes {
  return sha256(Buffer.concat([Buffer.from(prevHash), Buffer.from(canonicalJson(auditFields(e)))]));
}

/**
 * One statement (SQL function append_audit_entry, migration 20261128180000): it takes the
 * chain's lock until the caller's transaction ends, reads the last hash and inserts the entry
 * hashed as auditHash() does. Inside a transaction it commits or rolls back with the caller's
 * work; on its own (`db`) it is atomic by itself.
 */
export async function appendAudit(tx: Tx | Db, input: AuditInput): Promise<void> {
  const entry = {
    actorId: input.actorId ?? null,
    actorLabel: input.actorLabel,
    action: input.action,
    caseId: input.caseId ?? null,
    target: input.target ?? null,
    detail: input.detail ?? {},
    ipAddress: input.ipAddress ?? null,
    at: input.at,
  };
  const canonical = canonicalJson(auditFields(entry));
  await tx.$executeRaw`SELECT append_audit_entry(${entry.at}, ${entry.actorId}::text, ${entry.actorLabel}, ${entry.action}, ${entry.caseId}::text, ${entry.target}::text, ${JSON.stringify(entry.detail)}::jsonb, ${entry.ipAddress}::text, ${canonical})`;
}
