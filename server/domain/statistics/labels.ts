/**
 * Which message names a row of a breakdown (page, dashboard and downloads alike). `t` looks a
 * message up by its full path (e.g. "statistics.channel.PORTAL").
 */
import type { TableName } from "./open-data.ts";

export function breakdownLabel(table: TableName, key: string, t: (path: string) => string): string {
  if (table === "byMonth") return `${t(`statistics.months.${key.slice(5)}`)} ${key.slice(0, 4)}`;
  if (table === "byCategory") return t(`home.categories.${key}`);
  if (table === "byChannel") return t(`statistics.channel.${key}`);
  if (table === "byStatus") return t(`statistics.status.${key}`);
  return t(`statistics.reason.${key}`);
}
