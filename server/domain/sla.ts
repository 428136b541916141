/** SLA inputs from settings: the office calendar and the SOP standard times. */
import type { OfficeCalendar } from "./office-time.ts";
import { getSettings } from "./settings.ts";
import type { Tx } from "./tx.ts";

export async function loadOfficeCalendar(db: Pick<Tx, "$queryRaw">): Promise<OfficeCalendar> {
  const { "office.hours": hours, "office.holidays": holidays } = await getSettings(db, [
    "office.hours",
    "office.holidays",
  ]);
  return { timeZone: hours.timeZone, days: hours.days, holidays };
}

/** Standard time of a step (2..8) in office minutes. */
export function standardMinutes(
  standards: Record<"2" | "3" | "4" | "5" | "6" | "7" | "8", number>,
  step: number,
): number {
  const value = standards[String(step) as keyof typeof standards];
  if (value === undefined) throw new Error(`step ${step} has no standard time`);
  return value;
}
