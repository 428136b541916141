/**
 * Case lists for staff: "what needs me now" per role, and a filtered
 * list of everything visible, soonest due (so overdue) first. Keyset pagination on
 * (dueAt, id) keeps every page one index range scan, also at 100 000 cases.
 */
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { CaseStatus, Category, Channel, Role } from "../../generated/prisma/enums.ts";
import type { Db } from "../../db.ts";
import { caseScope, caseScopeSql, caseViewer, type StaffRef } from "./access.ts";
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

/** The row of a list, as the statements below select it. */
const ROW = Prisma.sql`c."id", c."reference", c."status"::text AS "status", c."category"::text AS "category",
  c."channel"::text AS "channel", c."involves_leadership" AS "involvesLeadership", c."received_at" AS "receivedAt",
  c."due_at" AS "dueAt"`;
/** Soonest due first, undated (archived) last: the order of the index cases(due_at, id, …). */
const QUEUE_ORDER = Prisma.sql`ORDER BY c."due_at" ASC NULLS LAST, c."id" ASC`;
/**
 * LIMIT as a number in the text, not a parameter: a statement's plan is kept (prepared
 * statements) only when PostgreSQL can cost it without the values, and a LIMIT it cannot see
 * makes it plan every run. `n` is a validated page size or a constant.
 */
const limit = (n: number) => Prisma.raw(`LIMIT ${Math.trunc(n)}`);

type RawRow = Omit<CaseRow, "overdue">;

/**
 * The rows after the cursor case in queue order, as index ranges: the dated part is one range
 * from the cursor's due time on; the undated rows follow only when that part runs out. The
 * cursor counts only if this reader may see that case (otherwise the page is empty), even if it
 * has left the filtered list since (someone acted on it).
 */
async function pageAfter(db: Db, visible: Prisma.Sql, where: Prisma.Sql, cursor: string, take: number) {
  const [at] = await db.$queryRaw<{ id: string; dueAt: Date | null }[]>`
    SELECT c."id", c."due_at" AS "dueAt" FROM "cases" c WHERE c."id" = ${cursor} AND ${visible}`;
  if (!at) return [];
  const dated = at.dueAt
    ? await db.$queryRaw<RawRow[]>`
        SELECT ${ROW} FROM "cases" c
        WHERE ${where} AND c."due_at" >= ${at.dueAt} AND NOT (c."due_at" = ${at.dueAt} AND c."id" <= ${at.id})
        ${QUEUE_ORDER} ${limit(take)}`
    : [];
  if (dated.length === take) return dated;
  const undated = await db.$queryRaw<RawRow[]>`
    SELECT ${ROW} FROM "cases" c
    WHERE ${where} AND c."due_at" IS NULL${at.dueAt ? Prisma.empty : Prisma.sql` AND c."id" > ${at.id}`}
    ORDER BY c."id" ASC ${limit(take - dated.length)}`;
  return [...dated, ...undated];
}

/** The statuses as a parameter: PGlite cannot send an array of an enum type, so it goes as text[] and is cast. */
const statusIn = (statuses: readonly CaseStatus[]) =>
  Prisma.sql`c."status" = ANY(${[...statuses]}::text[]::"case_status"[])`;

/**
 * A page of the list with its total, as SQL statements (Prisma's model queries cost more CPU
 * than the index ranges they run, on every page view). Who sees which case is the one rule of
 * access.ts in its SQL form.
 */
export async function listCases(db: Db, staff: StaffRef, raw: ListInput, now = new Date()) {
  const input = listInput.parse(raw);
  if (!caseScope(staff)) return { rows: [] as CaseRow[], nextCursor: null, total: 0, totalIsLimited: false };
  const visible = caseScopeSql(caseViewer(staff), "c");
  const filters: Prisma.Sql[] = [visible];
  if (input.mine) {
    // The statuses waiting for the user's roles, as the access policy has them now.
    const mine = [...new Set(staff.roles.flatMap(queueStatuses))];
    // The Pengawas also watches every case on the leadership, wherever it is.
    filters.push(
      staff.roles.includes(Role.PENGAWAS)
        ? Prisma.sql`(${statusIn(mine)} OR (c."involves_leadership" AND c."status" <> 'ARCHIVED'))`
        : statusIn(mine),
    );
  }
  if (input.status?.length) filters.push(statusIn(input.status));
  if (input.category) filters.push(Prisma.sql`c."category" = ${input.category}::"category"`);
  if (input.channel) filters.push(Prisma.sql`c."channel" = ${input.channel}::"channel"`);
  if (input.year) filters.push(Prisma.sql`c."year" = ${input.year}`);
  if (input.overdue) filters.push(Prisma.sql`c."due_at" < ${now}`);
  const where = Prisma.join(filters, " AND ");
  const take = input.pageSize + 1;

  const [rows, [counted]] = await Promise.all([
    input.cursor
      ? pageAfter(db, visible, where, input.cursor, take)
      : db.$queryRaw<RawRow[]>`SELECT ${ROW} FROM "cases" c WHERE ${where} ${QUEUE_ORDER} ${limit(take)}`,
    // In queue order, so the scan stops at the limit (an index-only scan of the queue index).
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "cases" c WHERE ${where} ${QUEUE_ORDER} ${limit(COUNT_LIMIT + 1)}) s`,
  ]);
  const total = counted?.n ?? 0;
  const page = rows.slice(0, input.pageSize);
  return {
    rows: page.map((r): CaseRow => ({ ...r, overdue: r.dueAt !== null && r.dueAt < now })),
    nextCursor: rows.length > input.pageSize ? page.at(-1)!.id : null,
    total: Math.min(total, COUNT_LIMIT),
    /** True when there are more than COUNT_LIMIT cases: `total` is then a lower bound. */
    totalIsLimited: total > COUNT_LIMIT,
  };
}
