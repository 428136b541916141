/** Labels of the statistics downloads in the reader's language (the page uses the same messages). */
import { createTranslator } from "next-intl";
import { TABLE_NAMES, type StatisticsLabels, type TableName } from "../domain/statistics/open-data.ts";
import { breakdownLabel } from "../domain/statistics/labels.ts";
import { RELEASE_LAG_DAYS } from "../domain/statistics/release.ts";
import type { OfficeCsvLabels } from "../domain/statistics/office-statistics.ts";
import { messagesFor } from "../../i18n/messages.ts";

/** `office` is the office's short name (settings), printed in the title. */
export function statisticsLabels(locale: "id" | "en", year: number, office: string): StatisticsLabels {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  const s = createTranslator({ locale, messages: messagesFor(locale), namespace: "statistics" });
  const key = (name: TableName, k: string) => breakdownLabel(name, k, (path) => t(path as never));
  return {
    title: `${s("title")} · ${office}`,
    rule: [
      s("protection.periods", { lag: RELEASE_LAG_DAYS }),
      s("protection.perturbation"),
      s("protection.small"),
      s("protection.medians"),
    ].join(" "),
    officeDays: s("protection.officeDays"),
    table: (name) => s(`tables.${name}` as "tables.byMonth", { year }),
    key,
  };
}

/** Labels of the office dashboard's CSV rows (same vocabulary as the public figures). */
export function officeCsvLabels(locale: "id" | "en"): OfficeCsvLabels {
  // Only the row labels are used: the dashboard CSV has no title.
  const pub = statisticsLabels(locale, 0, "");
  const s = createTranslator({ locale, messages: messagesFor(locale), namespace: "statistics" });
  const o = createTranslator({ locale, messages: messagesFor(locale), namespace: "officeStats" });
  return {
    header: ["table", "key", "label", "value"],
    label: (table, key) => {
      if ((TABLE_NAMES as readonly string[]).includes(table)) return pub.key(table as TableName, key);
      if (table === "open" || table === "overdue") return s(`status.${key}` as never);
      if (table === "steps") return o(`stepNames.${key}` as never);
      if (table === "perYear") return key;
      return "";
    },
  };
}
