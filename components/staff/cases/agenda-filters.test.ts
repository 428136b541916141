import { describe, expect, it } from "vitest";
import { agendaCsvHref, agendaInputOf, agendaQuery, parseAgendaFilters } from "./agenda-filters.ts";

describe("agenda filters in the URL", () => {
  it("defaults to the Buku Agenda Permohonan of this year", () => {
    const f = parseAgendaFilters({}, 2026);
    expect(f).toEqual({ book: "PERMOHONAN", year: 2026, from: undefined, to: undefined });
    expect(agendaQuery(f)).toBe("?book=PERMOHONAN&year=2026");
    expect(agendaInputOf(f)).toEqual({ book: "PERMOHONAN", year: 2026 });
  });

  it("round-trips book, year and a date range, and the CSV link carries the same", () => {
    const f = parseAgendaFilters({ book: "TANGGAPAN", year: "2025", from: "2025-01-01", to: "2025-03-31" }, 2026);
    expect(f).toEqual({ book: "TANGGAPAN", year: 2025, from: "2025-01-01", to: "2025-03-31" });
    expect(agendaCsvHref(f)).toBe("/api/staff/agenda?book=TANGGAPAN&year=2025&from=2025-01-01&to=2025-03-31");
    expect(parseAgendaFilters(Object.fromEntries(new URLSearchParams(agendaQuery(f))), 2026)).toEqual(f);
  });

  it("ignores malformed values", () => {
    expect(parseAgendaFilters({ book: "LAIN", year: "abc", from: "31-12-2026", to: "2026-13-45" }, 2026)).toEqual({
      book: "PERMOHONAN",
      year: 2026,
      from: undefined,
      to: undefined,
    });
  });
});
