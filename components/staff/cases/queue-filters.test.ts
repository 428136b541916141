import { describe, expect, it } from "vitest";
import { firstPage, listInputOf, nextPage, parseQueueFilters, previousPage, queueQuery } from "./queue-filters.ts";

const A = "0b4f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e";
const B = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("case list filters in the URL", () => {
  it("defaults to 'what needs me now', first page, no filter", () => {
    const f = parseQueueFilters({});
    expect(f).toEqual({
      tab: "mine",
      status: undefined,
      category: undefined,
      channel: undefined,
      year: undefined,
      overdue: false,
      after: [],
    });
    expect(queueQuery(f)).toBe("");
    expect(listInputOf(f)).toEqual({ mine: true, pageSize: 25 });
  });

  it("round-trips every filter and the page trail", () => {
    const query = `?tab=all&status=RECORDED&category=BRIBERY&channel=SMS&year=2026&overdue=1&after=${A}%2C${B}`;
    const f = parseQueueFilters(Object.fromEntries(new URLSearchParams(query)));
    expect(f).toEqual({
      tab: "all",
      status: "RECORDED",
      category: "BRIBERY",
      channel: "SMS",
      year: 2026,
      overdue: true,
      after: [A, B],
    });
    expect(queueQuery(f)).toBe(query);
    expect(listInputOf(f)).toEqual({
      mine: false,
      status: ["RECORDED"],
      category: "BRIBERY",
      channel: "SMS",
      year: 2026,
      overdue: true,
      cursor: B,
      pageSize: 25,
    });
  });

  it("drops what it does not know instead of failing (a GET form posts empty fields too)", () => {
    const f = parseQueueFilters({
      tab: "x",
      status: "DELETED",
      category: "",
      channel: ["EMAIL", "SMS"],
      year: "20x6",
      overdue: "",
      after: `nonsense,${A}`,
    });
    expect(f).toEqual({
      tab: "mine",
      status: undefined,
      category: undefined,
      channel: "EMAIL",
      year: undefined,
      overdue: false,
      after: [A],
    });
    expect(parseQueueFilters({ year: "1999" }).year).toBeUndefined();
    expect(parseQueueFilters({ overdue: "on" }).overdue).toBe(true);
  });

  it("pages forward and back through the keyset trail", () => {
    const f = parseQueueFilters({ tab: "all" });
    const two = nextPage(f, A);
    const three = nextPage(two, B);
    expect(queueQuery(three)).toBe(`?tab=all&after=${A}%2C${B}`);
    expect(previousPage(three)).toEqual(two);
    expect(previousPage(two)).toEqual(f);
    expect(firstPage(three)).toEqual(f);
  });
});
