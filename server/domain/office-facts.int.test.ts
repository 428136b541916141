/** The office's time zone and name as every page reads them (one query for both settings). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDbHandle } from "../testing/test-db.ts";
import { putSetting } from "../testing/put-setting.ts";
import { loadOfficeFacts } from "./office-facts.ts";
import { getSetting, getSettings } from "./settings.ts";
import { settingDefaults } from "./settings-defaults.ts";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle?.close());

describe("office facts", () => {
  it("are the defaults until set, then what Admin saved; each key read as getSetting reads it", async () => {
    expect(await loadOfficeFacts(handle.db)).toEqual({
      timeZone: settingDefaults["office.hours"].timeZone,
      name: settingDefaults["office.identity"].shortName,
    });
    const hours = { ...settingDefaults["office.hours"], timeZone: "Asia/Makassar" };
    await putSetting(handle.db, "office.hours", hours);
    expect(await loadOfficeFacts(handle.db)).toMatchObject({ timeZone: "Asia/Makassar" });

    const both = await getSettings(handle.db, ["office.hours", "office.identity"]);
    expect(both["office.hours"]).toEqual(await getSetting(handle.db, "office.hours"));
    expect(both["office.identity"]).toEqual(await getSetting(handle.db, "office.identity"));
    // A default handed out is a copy: changing it changes no later read.
    both["office.identity"].officeName = "changed";
    expect((await getSettings(handle.db, ["office.identity"]))["office.identity"].officeName).not.toBe("changed");
    // No keys asked: nothing read, and no malformed statement.
    expect(await getSettings(handle.db, [])).toEqual({});
  });
});
