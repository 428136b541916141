/**
 * The office's time zone and name for the page being rendered: read from the settings once per
 * request (React's cache), so every date on a page uses the zone Admin set, and a change shows
 * on the next page load of every instance. While the database is unavailable (or during the
 * production build, which has none) the defaults stand in: the outage page still needs them.
 */
import { cache } from "react";
import { getDb } from "./db.ts";
import { whenAvailable } from "./db-outage/when-available.ts";
import { loadOfficeFacts, officeShortName, type OfficeFacts } from "./domain/office-facts.ts";
import { settingDefaults } from "./domain/settings-defaults.ts";

const DEFAULTS: OfficeFacts = {
  timeZone: settingDefaults["office.hours"].timeZone,
  name: officeShortName(settingDefaults["office.identity"]),
};

export const currentOfficeFacts = cache(async (): Promise<OfficeFacts> => {
  // Next.js marks its build in the environment; nothing may open the database then.
  if (process.env.NEXT_PHASE === "phase-production-build") return DEFAULTS;
  return whenAvailable(async () => loadOfficeFacts(await getDb()), DEFAULTS);
});
