import { describe, expect, it } from "vitest";
import type { OfficeStatistics } from "@/server/domain/statistics/office-statistics.ts";
import { keptOfficeDashboardHtml, officeDashboardHtml } from "./office-dashboard-html.ts";

const period = { from: "2026-01-01", to: "2026-03-31" };
const stats: OfficeStatistics = {
  period,
  generatedAt: new Date("2026-04-01T03:04:00Z"),
  dayMinutes: 480,
  perYear: [{ key: "2026", count: 1234 }],
  open: [
    { status: "SUBMITTED", open: 1200, overdue: 7 },
    { status: "RECORDED", open: 3, overdue: 0 },
  ],
  figures: {
    period: { from: new Date("2025-12-31T17:00:00Z"), to: new Date("2026-03-31T17:00:00Z") },
    received: 1234,
    byMonth: [
      { key: "2026-01", count: 1000 },
      { key: "2026-02", count: 200 },
      { key: "2026-03", count: 34 },
    ],
    byCategory: [{ key: "CORRUPTION", count: 1234 }],
    byChannel: [{ key: "PORTAL", count: 1234 }],
    byStatus: [
      { key: "SUBMITTED", count: 1200 },
      { key: "ARCHIVED", count: 34 },
    ],
    concluded: [{ key: "COMPLETED", count: 34 }],
    recording: { n: 30, medianMinutes: 720 },
    response: { n: 0, medianMinutes: null },
    steps: [{ step: 2, done: 30, within: 29, medianMinutes: 125, standardMinutes: 480 }],
  },
} as OfficeStatistics;

const view = { stats, period, invalid: false, timeZone: "Asia/Jakarta" };
/** The text of the element with this test id, tags removed. */
const textOf = (markup: string, testId: string) => {
  const start = markup.indexOf(`data-testid="${testId}"`);
  expect(start).toBeGreaterThan(-1);
  return markup.slice(start, markup.indexOf("</table>", start) + 1).replace(/<[^>]+>/g, " ");
};

describe("the office dashboard's markup", () => {
  it("shows every figure, in Indonesian, with the period form and its CSV link", () => {
    const markup = officeDashboardHtml({ ...view, locale: "id" });
    expect(markup).toContain('<h1 id="dashboard-title" class="text-2xl font-bold text-brand-900">Dasbor kantor</h1>');
    expect(markup).toContain('action="/staff/dasbor" method="get"');
    expect(markup).toContain('name="from" value="2026-01-01"');
    expect(markup).toContain('href="/api/staff/statistics?from=2026-01-01&amp;to=2026-03-31"');
    expect(markup).toContain("1 April 2026 pukul 10.04 WIB");
    expect(textOf(markup, "dashboard-summary")).toContain("1.234");
    // 720 office minutes over 480 a day: 1,5 office days.
    expect(textOf(markup, "dashboard-summary")).toContain("1,5");
    expect(textOf(markup, "dashboard-open")).toMatch(/1\.200\s+7/);
    expect(textOf(markup, "dashboard-steps")).toMatch(/30\s+29\s+96,7%\s+2 jam 5 menit\s+8 jam/);
    for (const id of ["byMonth", "byCategory", "byChannel", "byStatus", "concluded"])
      expect(markup).toContain(`data-testid="table-${id}"`);
    expect(textOf(markup, "table-byMonth")).toMatch(/Januari 2026\s+1\.000/);
    expect(textOf(markup, "table-byCategory")).toMatch(/Korupsi\s+1\.234/);
    expect(markup).not.toContain('role="alert"');
  });

  it("in English, with the notice of a period that could not be read", () => {
    const markup = officeDashboardHtml({ ...view, locale: "en", invalid: true });
    expect(markup).toContain('action="/en/staff/dasbor"');
    expect(markup).toContain("&amp;locale=en");
    expect(markup).toMatch(/<div role="alert" class="[^"]*"><p>[^<]+<\/p><\/div>/);
    expect(textOf(markup, "dashboard-summary")).toContain("1,234");
    expect(textOf(markup, "table-byMonth")).toMatch(/January 2026\s+1,000/);
  });
});

describe("the kept markup", () => {
  it("is built once per figures and view, and anew for new figures", () => {
    const first = keptOfficeDashboardHtml({ ...view, locale: "id" });
    expect(keptOfficeDashboardHtml({ ...view, locale: "id" })).toBe(first);
    expect(keptOfficeDashboardHtml({ ...view, locale: "en" })).toBe(officeDashboardHtml({ ...view, locale: "en" }));
    expect(keptOfficeDashboardHtml({ ...view, locale: "id", invalid: true })).toContain('role="alert"');
    // Figures computed again (the statistics cache renewed them) are shown, not the old markup.
    const renewed = { ...stats, figures: { ...stats.figures, received: 4321 } };
    expect(keptOfficeDashboardHtml({ ...view, stats: renewed, locale: "id" })).toContain("4.321");
    expect(keptOfficeDashboardHtml({ ...view, locale: "id" })).toBe(first);
  });
});
