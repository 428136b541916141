/**
 * The raw figures behind the public statistics and the office dashboard, counted by the
 * database over indexed columns (cases.received_at, responded_at, status/due_at;
 * step_records.completed_at). Nothing here reads an encrypted column or a reference: only
 * plain counts and medians leave this file. Periods are [from, to) instants; months and years
 * are those of the office's time zone.
 */
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ArchiveReason, CaseStatus, Category, Channel } from "../../generated/prisma/enums.ts";
import { caseScopeSql, type CaseViewer } from "../cases/access.ts";
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../cases/display-order.ts";
import type { OfficeCalendar } from "../office-time.ts";
import { zonedInstant, zonedParts } from "../office-time.ts";

export const ARCHIVE_REASON_ORDER = [
  "COMPLETED",
  "NOT_ACKNOWLEDGED",
  "ESCALATED",
] as const satisfies readonly ArchiveReason[];
/** SOP steps with a standard time. */
export const TIMED_STEPS = [2, 3, 4, 5, 6, 7, 8] as const;

export interface Period {
  from: Date;
  to: Date;
}

export interface Count<K extends string> {
  key: K;
  count: number;
}

export interface StepFigures {
  step: number;
  /** Steps completed in the period. */
  done: number;
  /** … of which within their standard time. */
  within: number;
  /** Median office minutes taken (null: none done). */
  medianMinutes: number | null;
  /** Median standard time in force (snapshot per step), office minutes. */
  standardMinutes: number | null;
}

export interface Median {
  n: number;
  /** Office minutes; null when n = 0. */
  medianMinutes: number | null;
}

export interface RawStatistics {
  period: Period;
  /** Reports received in the period (by received_at). */
  received: number;
  byMonth: Count<string>[];
  byCategory: Count<Category>[];
  byChannel: Count<Channel>[];
  /** Current status of the reports received in the period. */
  byStatus: Count<CaseStatus>[];
  /**
   * The period's reports that are concluded (status ARCHIVED), by reason: a breakdown of the
   * ARCHIVED cell of byStatus, so the published figures stay one consistent set of tables.
   */
  concluded: Count<ArchiveReason>[];
  /** Step 2 (submission → recording) completed in the period. */
  recording: Median;
  /** Written responses sent in the period: office minutes from receipt, less pauses. */
  response: Median;
  steps: StepFigures[];
}

/** Period of one office-calendar year. */
export function yearPeriod(year: number, timeZone: string): Period {
  return { from: zonedInstant(`${year}-01-01`, 0, timeZone), to: zonedInstant(`${year + 1}-01-01`, 0, timeZone) };
}

/** "YYYY-MM" of every month the period touches, in order. */
export function monthsOf(period: Period, timeZone: string): string[] {
  const first = zonedParts(period.from, timeZone);
  const last = zonedParts(new Date(period.to.getTime() - 1), timeZone);
  const out: string[] = [];
  for (
    let y = first.year, m = first.month;
    y < last.year || (y === last.year && m <= last.month);
    m === 12 ? ((m = 1), y++) : m++
  ) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
}

/** Office minutes in an average open day of the calendar (to turn minutes into office days). */
export function officeDayMinutes(cal: OfficeCalendar): number {
  const spans = Object.values(cal.days)
    .filter((d): d is readonly [string, string] => Array.isArray(d))
    .map(
      ([open, close]) =>
        Number(close.slice(0, 2)) * 60 +
        Number(close.slice(3, 5)) -
        (Number(open.slice(0, 2)) * 60 + Number(open.slice(3, 5))),
    );
  return spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : 480;
}

/**
 * For a staff reader of the office dashboard, cases hidden from them (cases/access.ts) are left
 * out of their figures, as from their lists. The public statistics have no viewer and count every case.
 */
function visibleTo(viewer: CaseViewer | undefined, alias: "cases" | "c"): Prisma.Sql {
  return viewer ? Prisma.sql`AND ${caseScopeSql(viewer, alias)}` : Prisma.empty;
}

/** First instants of the given "YYYY-MM" months (or "YYYY" years) as a timestamptz[] for width_bucket. */
function boundaries(starts: string[], timeZone: string): Prisma.Sql {
  const instants = starts.map((s) => zonedInstant(s.length === 4 ? `${s}-01-01` : `${s}-01`, 0, timeZone));
  return instants.length
    ? Prisma.sql`ARRAY[${Prisma.join(instants)}]::timestamptz[]`
    : Prisma.sql`ARRAY[]::timestamptz[]`;
}

const fill = <K extends string>(order: readonly K[], rows: { key: string | null; n: number }[]): Count<K>[] =>
  order.map((key) => ({ key, count: rows.find((r) => r.key === key)?.n ?? 0 }));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

interface BreakdownRow {
  /** Index into the period's months (width_bucket). */
  month: number | null;
  /** Archive reason of a concluded case, "-" for the others. */
  reason: string | null;
  category: string | null;
  channel: string | null;
  status: string | null;
  n: number;
}

/** All figures for one period (several statements, read-only). */
export async function periodStatistics(
  db: Db,
  period: Period,
  timeZone: string,
  viewer?: CaseViewer,
): Promise<RawStatistics> {
  const { from, to } = period;
  const months = monthsOf(period, timeZone);
  // One pass over the period's cases for the four breakdowns; the month is found by a binary
  // search over the months' first instants (far cheaper per row than a time-zone conversion).
  const breakdown = await db.$queryRaw<BreakdownRow[]>`
    SELECT month, category::text AS category, channel::text AS channel, status::text AS status, reason, count(*)::int AS n
    FROM (SELECT width_bucket(received_at, ${boundaries(months.slice(1), timeZone)}) AS month, category, channel, status,
                 CASE WHEN status = 'ARCHIVED' THEN archive_reason::text ELSE '-' END AS reason
          FROM cases WHERE received_at >= ${from} AND received_at < ${to} ${visibleTo(viewer, "cases")}) c
    GROUP BY GROUPING SETS ((month), (category), (channel), (status), (reason))`;
  const [response] = await db.$queryRaw<{ n: number; median: unknown }[]>`
    SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY response_office_minutes) AS median FROM cases
    WHERE responded_at >= ${from} AND responded_at < ${to} AND response_office_minutes IS NOT NULL ${visibleTo(viewer, "cases")}`;
  const stepRows = await db.$queryRaw<
    { step: number; done: number; within: number; median: unknown; standard: unknown }[]
  >`
    SELECT step, count(*)::int AS done, (count(*) FILTER (WHERE within_standard))::int AS within,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY office_minutes) AS median,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY standard_minutes) AS standard
    FROM step_records s WHERE completed_at >= ${from} AND completed_at < ${to} AND office_minutes IS NOT NULL
      ${viewer ? Prisma.sql`AND EXISTS (SELECT 1 FROM cases c WHERE c.id = s.case_id ${visibleTo(viewer, "c")})` : Prisma.empty}
    GROUP BY step`;

  const pick = (col: "category" | "channel" | "status" | "reason") =>
    breakdown.filter((r) => r[col] !== null).map((r) => ({ key: r[col], n: r.n }));
  const byMonth = fill(
    months,
    breakdown.filter((r) => r.month !== null).map((r) => ({ key: months[Number(r.month)] ?? null, n: r.n })),
  );
  const steps = TIMED_STEPS.map((step) => {
    const r = stepRows.find((s) => Number(s.step) === step);
    return {
      step,
      done: r?.done ?? 0,
      within: r?.within ?? 0,
      medianMinutes: num(r?.median),
      standardMinutes: num(r?.standard),
    };
  });
  const step2 = steps.find((s) => s.step === 2)!;
  return {
    period,
    received: byMonth.reduce((s, m) => s + m.count, 0),
    byMonth,
    byCategory: fill(CATEGORY_ORDER, pick("category")),
    byChannel: fill(CHANNEL_ORDER, pick("channel")),
    byStatus: fill(STATUS_ORDER, pick("status")),
    concluded: fill(ARCHIVE_REASON_ORDER, pick("reason")),
    recording: { n: step2.done, medianMinutes: step2.medianMinutes },
    response: { n: response?.n ?? 0, medianMinutes: num(response?.median) },
    steps,
  };
}

/** Reports received per office-calendar year, over all time (oldest first). */
export async function receivedPerYear(db: Db, timeZone: string, viewer?: CaseViewer): Promise<Count<string>[]> {
  const [range] = await db.$queryRaw<
    { first: Date | null; last: Date | null }[]
  >`SELECT min(received_at) AS first, max(received_at) AS last FROM cases`;
  if (!range?.first || !range.last) return [];
  const firstYear = zonedParts(new Date(range.first), timeZone).year;
  const years = Array.from({ length: zonedParts(new Date(range.last), timeZone).year - firstYear + 1 }, (_, i) =>
    String(firstYear + i),
  );
  const rows = await db.$queryRaw<{ bucket: number; n: number }[]>`
    SELECT width_bucket(received_at, ${boundaries(years.slice(1), timeZone)}) AS bucket, count(*)::int AS n
    FROM cases WHERE true ${visibleTo(viewer, "cases")} GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ key: years[Number(r.bucket)]!, count: r.n }));
}

export interface OpenFigures {
  status: CaseStatus;
  open: number;
  /** Past the running step's standard time (dueAt before now). */
  overdue: number;
}

/** Open cases now, by status, with how many are past their step's standard time. */
export async function openCases(db: Db, now: Date, viewer?: CaseViewer): Promise<OpenFigures[]> {
  const rows = await db.$queryRaw<{ key: string; open: number; overdue: number }[]>`
    SELECT status::text AS key, count(*)::int AS open, (count(*) FILTER (WHERE due_at < ${now}))::int AS overdue
    FROM cases WHERE status <> 'ARCHIVED' ${visibleTo(viewer, "cases")} GROUP BY status`;
  return STATUS_ORDER.filter((s) => s !== "ARCHIVED").map((status) => {
    const r = rows.find((x) => x.key === status);
    return { status, open: r?.open ?? 0, overdue: r?.overdue ?? 0 };
  });
}
