/**
 * The agenda page's filters in the URL, `?book=TANGGAPAN&year=2026&from=2026-01-01&to=2026-03-31`,
 * shared by the page, its CSV link and the CSV route handler.
 */
import { AGENDA_BOOKS } from "../vocabulary.ts";
import { firstParam, ISO_DATE, oneOf, queryString, type SearchParams } from "../search-params.ts";

export type AgendaBookName = (typeof AGENDA_BOOKS)[number];

export interface AgendaFilters {
  book: AgendaBookName;
  year: number;
  from?: string;
  to?: string;
}

const validDate = (v: string | undefined) =>
  v && ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;

/** `defaultYear`: the current year in the office's time zone. */
export function parseAgendaFilters(params: SearchParams, defaultYear: number): AgendaFilters {
  const year = Number(firstParam(params, "year"));
  return {
    book: oneOf(AGENDA_BOOKS, firstParam(params, "book")) ?? "PERMOHONAN",
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : defaultYear,
    from: validDate(firstParam(params, "from")),
    to: validDate(firstParam(params, "to")),
  };
}

export function agendaQuery(f: AgendaFilters): string {
  return queryString([
    ["book", f.book],
    ["year", f.year],
    ["from", f.from],
    ["to", f.to],
  ]);
}

/** The CSV download of exactly what the page shows. */
export const agendaCsvHref = (f: AgendaFilters) => `/api/staff/agenda${agendaQuery(f)}`;

/** Input of the `cases.agenda` procedure. */
export const agendaInputOf = (f: AgendaFilters) => ({
  book: f.book,
  year: f.year,
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});
