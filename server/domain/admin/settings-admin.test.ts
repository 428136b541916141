import { describe, expect, it } from "vitest";
import { settingSchemas, type SettingKey } from "../settings.ts";
import { settingDefaults } from "../settings-defaults.ts";
import { changedFields, toSettingIssues, type SettingIssue } from "./settings-admin.ts";

function issuesOf(key: SettingKey, value: unknown): SettingIssue[] {
  const parsed = settingSchemas[key].safeParse(value);
  if (parsed.success) throw new Error(`${key} accepted ${JSON.stringify(value)}`);
  return toSettingIssues(parsed.error.issues);
}

describe("toSettingIssues", () => {
  // One case per message of server/domain/settings.ts: a changed message there fails here.
  it.each<[SettingKey, unknown, SettingIssue[]]>([
    [
      "office.identity",
      { ...settingDefaults["office.identity"], regency: "", website: "ftp://x" },
      [
        { path: "regency", code: "required" },
        { path: "website", code: "url" },
      ],
    ],
    ["office.identity", { ...settingDefaults["office.identity"], email: "a@" }, [{ path: "email", code: "email" }]],
    [
      "office.hours",
      { timeZone: "Mars/Olympus", days: { "1": ["08:00", "16:00"] } },
      [{ path: "timeZone", code: "timezone" }],
    ],
    ["office.hours", { timeZone: "Asia/Jakarta", days: {} }, [{ path: "days", code: "no_days" }]],
    [
      "office.hours",
      { timeZone: "Asia/Jakarta", days: { "1": ["24:00", "25:00"] } },
      [
        { path: "days.1.0", code: "time" },
        { path: "days.1.1", code: "time" },
      ],
    ],
    [
      "office.hours",
      { timeZone: "Asia/Jakarta", days: { "3": ["12:00", "12:00"] } },
      [{ path: "days.3", code: "time_order" }],
    ],
    [
      "office.hours",
      { timeZone: "Asia/Jakarta", days: { "8": ["08:00", "12:00"] } },
      [{ path: "days", code: "unknown_key" }],
    ],
    ["office.holidays", ["2026-01-01", "2026-02-30"], [{ path: "1", code: "date" }]],
    [
      "sla.standards",
      { ...settingDefaults["sla.standards"], "2": -1, "3": 2.5, "4": "60", "5": Number.NaN },
      [
        { path: "2", code: "positive" },
        { path: "3", code: "integer" },
        { path: "4", code: "number" },
        { path: "5", code: "number" },
      ],
    ],
    [
      "sla.commitments",
      { recordOfficeDays: 0, responseOfficeDays: 10 },
      [{ path: "recordOfficeDays", code: "positive" }],
    ],
    ["numbering.caseReference", "", [{ path: "", code: "required" }]],
    ["numbering.caseReference", "WBS-{year}", [{ path: "", code: "pattern_seq" }]],
    ["numbering.caseReference", `${"x".repeat(100)}{seq}`, [{ path: "", code: "too_long" }]],
    ["numbering.letters", { TANGGAPAN: "503/WBS" }, [{ path: "TANGGAPAN", code: "pattern_seq" }]],
    [
      "uploads.limits",
      { ...settingDefaults["uploads.limits"], allowedTypes: [] },
      [{ path: "allowedTypes", code: "min_items" }],
    ],
    [
      "uploads.limits",
      { ...settingDefaults["uploads.limits"], allowedTypes: ["PDF"] },
      [{ path: "allowedTypes.0", code: "mime" }],
    ],
    [
      "uploads.limits",
      { ...settingDefaults["uploads.limits"], maxTotalBytes: 1 },
      [{ path: "maxTotalBytes", code: "total_lt_file" }],
    ],
  ])("%s, case %#", (key, value, expected) => {
    expect(issuesOf(key, value)).toEqual(expected);
  });
});

describe("changedFields", () => {
  it("names changed leaves of objects, and a changed array or scalar as one field", () => {
    expect(changedFields({ a: 1, b: { c: [1, 2], d: "x" } }, { a: 1, b: { c: [1, 2], d: "y" }, e: true })).toEqual([
      "b.d",
      "e",
    ]);
    expect(changedFields({ days: { "1": ["08:00", "16:00"] } }, { days: { "1": ["08:00", "15:00"] } })).toEqual([
      "days.1",
    ]);
    expect(changedFields(["2026-01-01"], ["2026-01-01", "2026-01-02"])).toEqual(["value"]);
    expect(changedFields("WBS-{seq}", "WBS-{seq}")).toEqual([]);
    expect(changedFields({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
  });
});

describe("office.hours time zone", () => {
  it("accepts a known zone on every read (remembered after the first) and still refuses an unknown one", () => {
    const hours = (timeZone: string) => ({ timeZone, days: { "1": ["08:00", "16:00"] } });
    for (let i = 0; i < 3; i++) {
      expect(settingSchemas["office.hours"].safeParse(hours("Asia/Makassar")).success).toBe(true);
      expect(issuesOf("office.hours", hours("Mars/Olympus"))).toEqual([{ path: "timeZone", code: "timezone" }]);
    }
  });
});
