import { describe, expect, it } from "vitest";
import { toSettingIssues } from "../admin/settings-admin.ts";
import { settingDefaults } from "../settings-defaults.ts";
import { parseSetting, settingSchemas } from "../settings.ts";

const issues = (value: unknown) => {
  const parsed = settingSchemas["retention.archive"].safeParse(value);
  return parsed.success ? [] : toSettingIssues(parsed.error.issues);
};

describe("the retention setting", () => {
  it("is off by default, with a valid period", () => {
    expect(settingDefaults["retention.archive"].enabled).toBe(false);
    expect(parseSetting("retention.archive", settingDefaults["retention.archive"])).toEqual(
      settingDefaults["retention.archive"],
    );
  });

  it("refuses a period under one month, fractions, months beyond 11, a malformed time and unknown shapes, field by field", () => {
    const ok = { enabled: true, years: 0, months: 1, runAt: "23:59" };
    expect(issues(ok)).toEqual([]);
    expect(issues({ ...ok, months: 0 })).toEqual([{ path: "", code: "retention_period" }]);
    expect(issues({ ...ok, years: 1.5 })).toEqual([{ path: "years", code: "integer" }]);
    expect(issues({ ...ok, months: 12 })).toEqual([{ path: "months", code: "too_long" }]);
    expect(issues({ ...ok, years: -1, months: 6 })).toEqual([
      { path: "years", code: "positive" },
      { path: "", code: "retention_period" },
    ]);
    expect(issues({ ...ok, runAt: "24:00" })).toEqual([{ path: "runAt", code: "time" }]);
    expect(issues({ ...ok, enabled: "yes" })).toEqual([{ path: "enabled", code: "invalid" }]);
  });
});
