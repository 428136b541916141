/**
 * Verifies the hash-chained audit trail: reads every entry in id order, in
 * batches (constant memory on a large table), and checks for each entry that
 * - its prevHash is the previous entry's stored hash (GENESIS_HASH for the first), which
 *   catches a deleted or inserted row, and
 * - its stored hash is SHA-256 over prevHash and its own fields, which catches an edited row.
 * The first failure is reported with its id. Limits: removing entries from the *end* of the
 * chain leaves a valid, shorter chain (compare the count with an earlier run or a copy to
 * catch that); a writer who rewrites every later hash as well is not detectable from the
 * table alone.
 */
import type { Db } from "../db.ts";
import { auditHash, GENESIS_HASH } from "./audit.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export type AuditVerifyResult =
  { ok: true; count: number } | { ok: false; count: number; firstBroken: { id: bigint; reason: string } };

export const BROKEN_LINK =
  "its previous-hash link does not match the hash of the entry before it (an entry was deleted, inserted or reordered)";
export const BROKEN_HASH = "its hash does not match its content (the entry was changed)";

export interface VerifyOptions {
  /** Rows read per query (default 1000). */
  batchSize?: number;
}

/** `count` is the number of entries checked, including the broken one. */
export async function verifyAuditChain(
  db: Pick<Db, "auditEntry">,
  { batchSize = 1000 }: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  let expectedPrev: Uint8Array = GENESIS_HASH;
  let after: bigint | null = null;
  let count = 0;
  for (;;) {
    const rows: Awaited<ReturnType<typeof readBatch>> = await readBatch(db, after, batchSize);
    for (const row of rows) {
      count++;
      if (!Buffer.from(row.prevHash).equals(Buffer.from(expectedPrev))) {
        return { ok: false, count, firstBroken: { id: row.id, reason: BROKEN_LINK } };
      }
      const recomputed = auditHash(row.prevHash, {
        at: row.createdAt,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        caseId: row.caseId,
        target: row.target,
        detail: row.detail as Prisma.InputJsonObject,
        ipAddress: row.ipAddress,
      });
      if (!recomputed.equals(Buffer.from(row.hash))) {
        return { ok: false, count, firstBroken: { id: row.id, reason: BROKEN_HASH } };
      }
      expectedPrev = row.hash;
    }
    if (rows.length < batchSize) return { ok: true, count };
    after = rows[rows.length - 1]!.id;
  }
}

/** The one line `npm run audit:verify` prints. */
export function describeVerifyResult(result: AuditVerifyResult): string {
  return result.ok
    ? `Audit trail OK: ${result.count} entries`
    : `Audit trail BROKEN at entry #${result.firstBroken.id}: ${result.firstBroken.reason}`;
}

function readBatch(db: Pick<Db, "auditEntry">, after: bigint | null, take: number) {
  return db.auditEntry.findMany({
    where: after === null ? undefined : { id: { gt: after } },
    orderBy: { id: "asc" },
    take,
  });
}
