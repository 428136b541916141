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

/** The statuses in which each role has the next move (or must watch the case). */
export const ROLE_QUEUE: Readonly<Record<Role, readonly CaseStatus[]>> = {
  SEKRETARIAT: [CaseStatus.SUBMITTED, CaseStatus.MINUTED, CaseStatus.RESPONDED, CaseStatus.RESPONSE_RECEIVED, CaseStatus.ESCALATED],
  TIM_TELAAH: [CaseStatus.RECORDED, CaseStatus.AWAITING_INFO],
  TIM_AUDIT: [CaseStatus.IN_MEETING, CaseStatus.MINUTED],
  KEPALA_DINAS: [CaseStatus.REVIEWED, CaseStatus.IN_MEETING, CaseStatus.MINUTED],
  PENGAWAS: [CaseStatus.ESCALATED],
  ADMIN: [],
};

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

export async function listCases(db: Db, staff: StaffRef, raw: ListInput, now = new Date()) {
  const input = listInput.parse(raw);
  const scope = caseScope(staff);
  if (!scope) return { rows: [] as CaseRow[], nextCursor: null, total: 0, totalIsLimited: false };
  const filters: Prisma.CaseWhereInput[] = [scope];
  if (input.mine) {
    const mine = new Set(staff.roles.flatMap((r) => ROLE_QUEUE[r]));
    // The Pengawas also watches every case on the leadership, wherever it is.
    filters.push(staff.roles.includes(Role.PENGAWAS) ? { OR: [{ status: { in: [...mine] } }, { involvesLeadership: true, status: { not: CaseStatus.ARCHIVED } }] } : { status: { in: [...mine] } });
  }
  if (input.status?.length) filters.push({ status: { in: input.status } });
  if (input.category) filters.push({ category: input.category });
  if (input.channel) filters.push({ channel: input.channel });
  if (input.year) filters.push({ year: input.year });
  if (input.overdue) filters.push({ dueAt: { lt: now } });
  const where: Prisma.CaseWhereInput = { AND: filters };

  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      take: input.pageSize + 1,
      select: { id: true, reference: true, status: true, category: true, channel: true, involvesLeadership: true, receivedAt: true, dueAt: true },
    }),
    db.case.count({ where, take: COUNT_LIMIT + 1 }),
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
