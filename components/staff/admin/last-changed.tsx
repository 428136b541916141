"use client";

import { useFormatter, useTranslations } from "next-intl";

/** When an admin value was last changed, and by whom where the audit still names them. */
export function LastChanged({ at, by }: { at: Date | null; by: { name: string } | null }) {
  const common = useTranslations("admin.common");
  const format = useFormatter();
  if (at === null) return common("neverChanged");
  const date = format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return by ? common("lastChanged", { date, name: by.name }) : common("lastChangedAt", { date });
}
