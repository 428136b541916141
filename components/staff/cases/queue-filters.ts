/**
 * The case list's filters live in the URL (they survive a reload and can be shared with a
 * colleague): `?tab=all&status=RECORDED&category=BRIBERY&channel=SMS&year=2026&overdue=1`.
 * `after` is the keyset trail: the cursors of the pages before this one, oldest first, so
 * "back" drops the last one.
 */
import { CATEGORY_ORDER, CHANNEL_ORDER, STATUS_ORDER } from "../vocabulary.ts";
import { firstParam, oneOf, queryString, UUID, type SearchParams } from "../search-params.ts";

export type QueueTab = "mine" | "all";

export interface QueueFilters {
  tab: QueueTab;
  status?: (typeof STATUS_ORDER)[number];
  category?: (typeof CATEGORY_ORDER)[number];
  channel?: (typeof CHANNEL_ORDER)[number];
  year?: number;
  overdue: boolean;
  /** Cursors of the pages already passed (keyset pagination), oldest first. */
  after: string[];
}

export const PAGE_SIZE = 25;
const MAX_TRAIL = 200;

export function parseQueueFilters(params: SearchParams): QueueFilters {
  const year = Number(firstParam(params, "year"));
  const after = (firstParam(params, "after") ?? "")
    .split(",")
    .filter((c) => UUID.test(c))
    .slice(-MAX_TRAIL);
  return {
    tab: firstParam(params, "tab") === "all" ? "all" : "mine",
    status: oneOf(STATUS_ORDER, firstParam(params, "status")),
    category: oneOf(CATEGORY_ORDER, firstParam(params, "category")),
    channel: oneOf(CHANNEL_ORDER, firstParam(params, "channel")),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    overdue: ["1", "true", "on"].includes(firstParam(params, "overdue") ?? ""),
    after,
  };
}

/** The URL query of `filters` (without empty values; page trail last). */
export function queueQuery(f: QueueFilters): string {
  return queryString([
    ["tab", f.tab === "all" ? "all" : undefined],
    ["status", f.status],
    ["category", f.category],
    ["channel", f.channel],
    ["year", f.year],
    ["overdue", f.overdue ? "1" : undefined],
    ["after", f.after.join(",")],
  ]);
}

/** The same filters on the first page (a filter change starts over). */
export const firstPage = (f: QueueFilters): QueueFilters => ({ ...f, after: [] });
export const nextPage = (f: QueueFilters, cursor: string): QueueFilters => ({ ...f, after: [...f.after, cursor] });
export const previousPage = (f: QueueFilters): QueueFilters => ({ ...f, after: f.after.slice(0, -1) });

/** Input of the `cases.list` procedure. */
export function listInputOf(f: QueueFilters, pageSize = PAGE_SIZE) {
  return {
    mine: f.tab === "mine",
    ...(f.status ? { status: [f.status] } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.after.length ? { cursor: f.after.at(-1) } : {}),
    pageSize,
  };
}
