/**
 * The office's name as the pages, downloads and authenticator apps print it, derived from the
 * `office.identity` setting only: another office installs Lentera by changing its settings,
 * not the code.
 */
import type { Db } from "../db.ts";
import { getSettings, type SettingValue } from "./settings.ts";

type Identity = SettingValue<"office.identity">;

/** "DINAS …, KABUPATEN LAMANDAU": the office and its regency, as public verification shows it. */
export function officeFullName(identity: Identity): string {
  return `${identity.officeName}, ${identity.regency.replace(/^PEMERINTAH\s+/i, "")}`;
}

/** "DPMPTSP Kabupaten Lamandau": the short name, or the full name when none is set. */
export function officeShortName(identity: Identity): string {
  return identity.shortName?.trim() || officeFullName(identity);
}

/** The issuer an authenticator app lists the staff account under. */
export function totpIssuer(identity: Identity): string {
  return `Lentera ${officeShortName(identity)}`;
}

export interface OfficeFacts {
  /** IANA zone every date is shown in (`office.hours`). */
  timeZone: string;
  /** Short name (`office.identity`), see officeShortName. */
  name: string;
}

/**
 * The office's time zone and name from the settings (defaults while they are not set), in one
 * query: every page reads them.
 */
export async function loadOfficeFacts(db: Pick<Db, "$queryRaw">): Promise<OfficeFacts> {
  const { "office.hours": hours, "office.identity": identity } = await getSettings(db, [
    "office.hours",
    "office.identity",
  ]);
  return { timeZone: hours.timeZone, name: officeShortName(identity) };
}
