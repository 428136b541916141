import type { Manifest } from "./archive.ts";

/** One line about a backup, for the CLIs and the scheduled job's log. */
export function describeManifest(m: Manifest): string {
  const rows = m.tables.reduce((sum, t) => sum + t.rows, 0);
  const cases = m.tables.find((t) => t.name === "cases")?.rows ?? 0;
  return `${cases} case(s), ${rows} rows in ${m.tables.length} tables, schema ${m.schemaVersion}, ${m.audit.count} audit entries, taken ${m.createdAt}`;
}
