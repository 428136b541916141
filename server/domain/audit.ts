/**
 * Append-only, hash-chained audit trail (DESIGN.md §5). Each entry's hash covers the
 * previous entry's hash and its own fields, so editing or deleting any row breaks every
 * later link. Reporters appear only as the label "reporter", never with an address.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { sha256, type Bytes } from "./crypto.ts";
import type { Tx } from "./tx.ts";

export const GENESIS_HASH: Bytes = Buffer.alloc(32) as Bytes;
/** Serialises writers of the chain (held until the surrounding transaction ends). */
const AUDIT_LOCK = 7_390_211;

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
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: Uint8Array, e: Required<Omit<AuditInput, "at">> & { at: Date }): Bytes {
  const fields = [e.at.toISOString(), e.actorId, e.actorLabel, e.action, e.caseId, e.target, e.detail, e.ipAddress];
  return sha256(Buffer.concat([Buffer.from(prevHash), Buffer.from(canonicalJson(fields))]));
}

export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last ? (Buffer.from(last.hash) as Bytes) : GENESIS_HASH;
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
  const { at, ...columns } = entry;
  await tx.auditEntry.create({ data: { ...columns, createdAt: at, prevHash, hash: auditHash(prevHash, entry) } });
}
