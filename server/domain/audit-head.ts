import type { Db } from "../db.ts";

/**
 * The id of the newest audit entry (0 for an empty trail). Every change of a case, its access
 * or the settings appends an entry in the change's own transaction, so a figure computed at one
 * head stays right until the head moves. One index read (the primary key's last entry).
 */
export async function auditHead(db: Db): Promise<bigint> {
  const last = await db.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}
