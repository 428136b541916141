/**
 * Case lists for staff: "what needs me now" per role, and a filtered
 * list of everything visible, soonest due (so overdue) first. Keyset pagination on
 * (dueAt, id) keeps every page one index range scan, also at 100 000 cases.
 */
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import { CaseStatus, Category, Channel, Role } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { caseScope, type StaffRef } from "./access.ts";
import { queueStatuses } from "../policy/policy.ts";

export const listInput = z.object({
  mine: z.boolean().default(false),
  status: z.array(z.enum(CaseStatus)).max(10).optional(),
  category: z.enum(Category).optional(),
  channel: z.enum(Channel).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  overdue: z.boolean().optional(),
  cursor: z.uuid().optional(),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListInput = z.input<typeof listInput>;

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  category: Category;
  channel: Channel;
  involvesLeadership: boolean;
  receivedAt: Date;
  dueAt: Date | null;
  overdue: boolean;
}

/**
 * Counting stops here: an exact total of a large list costs a scan of every visible case on
 * each page view (tens of ms at 100 000 cases); past this, "more than 1 000" says as much.
 */
export const COUNT_LIMIT = 1000;

/** Soonest due first, undated (archived) last; the index cases(due_at, id) has this order. */
const QUEUE_ORDER: Prisma.CaseOrderByWithRelationInput[] = [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
const ROW = {
  id: true,
  reference: true,
  status: true,
  category: true,
  channel: true,
  involvesLeadership: true,
  receivedAt: true,
  dueAt: true,
} as const;

/**
 * The rows after the cursor case in queue order. Written out as index ranges: Prisma's own
 * `cursor` turns into ORs of sub-selects that PostgreSQL cannot bound, and it then reads every
 * visible case for each further page (seconds at 100 000 cases). The dated part is one range
 * from the cursor's due time on; the undated rows follow only when that part runs out. The
 * cursor counts only if this reader may see that case (otherwise the page is empty), even if it
 * has left the filtered list since (someone acted on it).
 */
async function pageAfter(
  db: Db,
  scope: Prisma.CaseWhereInput,
  where: Prisma.CaseWhereInput,
  cursor: string,
  take: number,
) {
  const at = await db.case.findFirst({ where: { AND: [scope, { id: cursor }] }, select: { id: true, dueAt: true } });
  if (!at) return [];
  const dated = at.dueAt
    ? await db.case.findMany({
        where: { AND: [where, { dueAt: { gte: at.dueAt } }, { NOT: { dueAt: at.dueAt, id: { lte: at.id } } }] },
        orderBy: QUEUE_ORDER,
        take,
        select: ROW,
      })
    : [];
  if (dated.length === take) return dated;
  const undated = await db.case.findMany({
    where: { AND: [where, { dueAt: null }, ...(at.dueAt ? [] : [{ id: { gt: at.id } }])] },
    orderBy: { id: "asc" },
    take: take - dated.length,
    select: ROW,
  });
  return [...dated, ...undated];
}

export async function listCases(db: Db, staff: StaffRef, raw: ListInput, now = new Date()) {
  const input = listInput.parse(raw);
  const scope = caseScope(staff);
  if (!scope) return { rows: [] as CaseRow[], nextCursor: null, total: 0, totalIsLimited: false };
  const filters: Prisma.CaseWhereInput[] = [scope];
  if (input.mine) {
    // The statuses waiting for the user's roles, as the access policy has them now.
    const mine = new Set(staff.roles.flatMap(queueStatuses));
    // The Pengawas also watches every case on the leadership, wherever it is.
    filters.push(
      staff.roles.includes(Role.PENGAWAS)
        ? { OR: [{ status: { in: [...mine] } }, { involvesLeadership: true, status: { not: CaseStatus.ARCHIVED } }] }
        : { status: { in: [...mine] } },
    );
  }
  if (input.status?.length) filters.push({ status: { in: input.status } });
  if (input.category) filters.push({ category: input.category });
  if (input.channel) filters.push({ channel: input.channel });
  if (input.year) filters.push({ year: input.year });
  if (input.overdue) filters.push({ dueAt: { lt: now } });
  const where: Prisma.CaseWhereInput = { AND: filters };
  const take = input.pageSize + 1;

  const [rows, total] = await Promise.all([
    input.cursor
      ? pageAfter(db, scope, where, input.cursor, take)
      : db.case.findMany({ where, orderBy: QUEUE_ORDER, take, select: ROW }),
    // In queue order, so the scan stops at the limit; counting in id order (Prisma's default)
    // sorted every visible case first.
    db.case.count({ where, orderBy: QUEUE_ORDER, take: COUNT_LIMIT + 1 }),
  ]);
  const page = rows.slice(0, input.pageSize);
  return {
    rows: page.map((r) => ({ ...r, overdue: r.dueAt !== null && r.dueAt < now })),
    nextCursor: rows.length > input.pageSize ? page.at(-1)!.id : null,
    total: Math.min(total, COUNT_LIMIT),
    /** True when there are more than COUNT_LIMIT cases: `total` is then a lower bound. */
    totalIsLimited: total > COUNT_LIMIT,
  };
}
