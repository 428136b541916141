/**
 * The raw material of the public statistics: per published month, the cases counted in it
 * (countingInstant in release.ts, written here in SQL) as cells of a count and the sum of the
 * cases' record keys (cell-key.ts), by category, channel, stage and, for concluded cases,
 * archive reason. The stage is the one the case had at the month's cut-off (its last
 * transition before it, from the timeline), so a case that moves on later changes nothing
 * published. Medians and shares use only what was completed within published months.
 */
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { monthCutoff, monthStart, nextMonth, RELEASE_LAG_DAYS } from "./release.ts";
import type { CellRecords } from "./cell-key.ts";

export const DIMENSIONS = ["category", "channel", "status", "reason"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface MonthCells {
  month: string;
  total: CellRecords;
  /** Per dimension, per key (enum code); keys without cases are absent. */
  by: Record<Dimension, Map<string, CellRecords>>;
}

const timestamps = (xs: Date[]) =>
  xs.length ? Prisma.sql`ARRAY[${Prisma.join(xs)}]::timestamptz[]` : Prisma.sql`ARRAY[]::timestamptz[]`;
const LAG = Prisma.sql`make_interval(days => ${RELEASE_LAG_DAYS})`;
/** The counting instant of a case (release.ts countingInstant). */
const COUNTED_AT = Prisma.sql`GREATEST(c.received_at, c.submitted_at - ${LAG})`;

interface Row {
  month: number;
  dim: string;
  key: string | null;
  n: number;
  key_sum: string;
}

/**
 * The cells of consecutive months `months` ("YYYY-MM", ascending, contiguous); with
 * `breakdowns` false only the monthly totals are counted (cheaper: no stage look-up).
 */
export async function publishedMonthCells(
  db: Db,
  months: readonly string[],
  timeZone: string,
  breakdowns = true,
): Promise<MonthCells[]> {
  if (!months.length) return [];
  const starts = months.map((m) => monthStart(m, timeZone));
  const cutoffs = months.map((m) => monthCutoff(m, timeZone));
  const from = starts[0]!;
  const to = monthStart(nextMonth(months.at(-1)!), timeZone);
  const counted = Prisma.sql`
    SELECT c.id, c.category, c.channel, c.archive_reason, c.record_key, width_bucket(${COUNTED_AT}, ${timestamps(starts)}) AS month
    FROM cases c
    WHERE (c.received_at >= ${from} OR c.submitted_at >= ${from}) AND c.received_at < ${to}
      AND ${COUNTED_AT} >= ${from} AND ${COUNTED_AT} < ${to}`;
  const rows = breakdowns
    ? await db.$queryRaw<Row[]>`
        WITH counted AS (${counted}),
        staged AS (
          SELECT k.*, COALESCE((SELECT e.to_status::text FROM timeline_events e
                                WHERE e.case_id = k.id AND e.kind = 'TRANSITION' AND e.to_status IS NOT NULL
                                  AND e.created_at < (${timestamps(cutoffs)})[k.month]
                                ORDER BY e.created_at DESC, e.id DESC LIMIT 1), 'SUBMITTED') AS stage
          FROM counted k)
        SELECT month,
               CASE WHEN GROUPING(category) = 0 THEN 'category' WHEN GROUPING(channel) = 0 THEN 'channel'
                    WHEN GROUPING(stage) = 0 THEN 'status' WHEN GROUPING(reason) = 0 THEN 'reason' ELSE 'total' END AS dim,
               COALESCE(category::text, channel::text, stage, reason) AS key,
               count(*)::int AS n, sum(record_key::bigint)::text AS key_sum
        FROM (SELECT month, category, channel, stage, CASE WHEN stage = 'ARCHIVED' THEN archive_reason::text END AS reason, record_key FROM staged) s
        GROUP BY GROUPING SETS ((month), (month, category), (month, channel), (month, stage), (month, reason))`
    : await db.$queryRaw<Row[]>`
        WITH counted AS (${counted})
        SELECT month, 'total' AS dim, NULL AS key, count(*)::int AS n, sum(record_key::bigint)::text AS key_sum FROM counted GROUP BY month`;

  return months.map((month, i) => {
    const mine = rows.filter((r) => Number(r.month) === i + 1);
    const cell = (r: Row | undefined): CellRecords => ({ count: r?.n ?? 0, keySum: BigInt(r?.key_sum ?? 0) });
    const by = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        new Map(mine.filter((r) => r.dim === d && r.key !== null).map((r) => [r.key!, cell(r)])),
      ]),
    ) as Record<Dimension, Map<string, CellRecords>>;
    return { month, total: cell(mine.find((r) => r.dim === "total")), by };
  });
}

export interface PublishedTimings {
  /** Office minutes from receipt to the written response, of responses sent in the months. */
  response: number[];
  /** Office minutes of step 2 (recording), completed in the months. */
  recording: number[];
  /** SOP steps with a standard time completed in the months, and how many within it. */
  stepsDone: number;
  stepsWithin: number;
}

/** Timings of what was completed within the given months (fixed once the months are over). */
export async function publishedTimings(db: Db, months: readonly string[], timeZone: string): Promise<PublishedTimings> {
  if (!months.length) return { response: [], recording: [], stepsDone: 0, stepsWithin: 0 };
  const from = monthStart(months[0]!, timeZone);
  const to = monthStart(nextMonth(months.at(-1)!), timeZone);
  const [response] = await db.$queryRaw<{ xs: number[] | null }[]>`
    SELECT array_agg(response_office_minutes) AS xs FROM cases
    WHERE responded_at >= ${from} AND responded_at < ${to} AND response_office_minutes IS NOT NULL`;
  const [steps] = await db.$queryRaw<{ recording: number[] | null; done: number; within: number }[]>`
    SELECT array_agg(office_minutes) FILTER (WHERE step = 2) AS recording, count(*)::int AS done, (count(*) FILTER (WHERE within_standard))::int AS within
    FROM step_records WHERE completed_at >= ${from} AND completed_at < ${to} AND office_minutes IS NOT NULL`;
  return {
    response: (response?.xs ?? []).map(Number),
    recording: (steps?.recording ?? []).map(Number),
    stepsDone: steps?.done ?? 0,
    stepsWithin: steps?.within ?? 0,
  };
}

/** The first office-calendar year with a case (null: none yet). */
export async function firstYear(db: Db): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`SELECT min(received_at) AS first FROM cases`;
  return row?.first ? new Date(row.first) : null;
}
