import type { Db } from "../db.ts";

/**
 * The id of the newest audit entry (0 for an empty trail). Every change of a case, its access
 * or the settings appends an entry in the change's own transaction, so a figure computed at one
 * head stays right until the head moves. One index read (the primary key's last entry); written
 * as SQL because the staff home asks it on every view and Prisma's query building cost more than
 * the read.
 */
export async function auditHead(db: Pick<Db, "$queryRaw">): Promise<bigint> {
  const [row] = await db.$queryRaw<{ head: bigint | null }[]>`SELECT max("id") AS "head" FROM "audit_entries"`;
  return row?.head ?? 0n;
}
