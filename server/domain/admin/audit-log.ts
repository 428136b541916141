/**
 * The audit trail as a read-only, filterable list, newest first, paginated by keyset on id
 * (`id < cursor`), so page 1 000 costs what page 1 costs.
 *
 * Who sees what (decided here, enforced on the server):
 * - PENGAWAS (Inspektorat) sees every entry.
 * - ADMIN without PENGAWAS sees only the entries about their own area: sign-ins (`auth.`),
 *   accounts (`user.`) and settings (`setting.`). Case entries are left out: they name which
 *   staff read or moved which case, which is the Pengawas' business, not the Admin's
 *   (separation of duties).
 * The list never reads a case table; entries carry ids, statuses and field names only.
 */
import { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { canonicalJson } from "../audit.ts";
import { zonedInstant } from "../office-time.ts";
import { getSetting } from "../settings.ts";

export const ADMIN_AUDIT_PREFIXES = ["auth.", "user.", "setting."] as const;
export type AuditScope = "all" | "admin";

/** Non-staff actors, filtered by label (their entries have no actorId). */
export const SPECIAL_ACTORS = ["reporter", "system"] as const;

const isoDate = z.iso.date();

export const auditFilterSchema = z.object({
  /** Prefix of the action, e.g. `user.` or `case.transition`. */
  action: z.string().trim().max(100).optional(),
  /** A staff user id, or "reporter" / "system". */
  actor: z.string().trim().max(100).optional(),
  caseId: z.string().trim().max(100).optional(),
  /** Dates in the office time zone, both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  /** The entry number (BigInt in the database) as text. */
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  caseId: string | null;
  target: string | null;
  /** Compact JSON with sorted keys. */
  detail: string;
  ipAddress: string | null;
}

export interface AuditPage {
  entries: AuditRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Start of a day in the office's time zone, `addDays` later. */
function officeDayStart(date: string, timeZone: string, addDays = 0): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + addDays * 86_400_000).toISOString().slice(0, 10);
  return zonedInstant(next, 0, timeZone);
}

export function auditWhere(filter: AuditFilter, scope: AuditScope, timeZone: string): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (scope === "admin") and.push({ OR: ADMIN_AUDIT_PREFIXES.map((p) => ({ action: { startsWith: p } })) });
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.actor) {
    and.push(
      (SPECIAL_ACTORS as readonly string[]).includes(filter.actor)
        ? { actorId: null, actorLabel: filter.actor }
        : { actorId: filter.actor },
    );
  }
  if (filter.caseId) and.push({ caseId: filter.caseId });
  if (filter.from) and.push({ createdAt: { gte: officeDayStart(filter.from, timeZone) } });
  if (filter.to) and.push({ createdAt: { lt: officeDayStart(filter.to, timeZone, 1) } });
  return and.length ? { AND: and } : {};
}

export async function listAuditEntries(
  db: Pick<Db, "auditEntry" | "$queryRaw">,
  {
    filter,
    scope,
    cursor,
    limit = AUDIT_PAGE_SIZE,
  }: { filter: AuditFilter; scope: AuditScope; cursor?: string | null; limit?: number },
): Promise<AuditPage> {
  const where = auditWhere(filter, scope, (await getSetting(db, "office.hours")).timeZone);
  const rows = await db.auditEntry.findMany({
    where: cursor ? { AND: [where, { id: { lt: BigInt(cursor) } }] } : where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      actorId: true,
      actorLabel: true,
      action: true,
      caseId: true,
      target: true,
      detail: true,
      ipAddress: true,
    },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ ...r, id: r.id.toString(), detail: canonicalJson(r.detail) })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Everyone who can appear as an actor, for the filter's select (inactive accounts too). */
export async function listAuditActors(db: Pick<Db, "staffUser">) {
  return db.staffUser.findMany({
    select: { id: true, username: true, name: true, active: true },
    orderBy: [{ name: "asc" }, { username: "asc" }],
  });
}
