/**
 * The mark of the sample office year (prisma/demo-office-year.ts). The seeder writes the
 * setting `demo.sampleData` with the ids of the cases it made; every page that shows cases or
 * figures carries the "Data contoh" banner while any of those cases is still in the database.
 * It is written by the seeder only, never by Admin: nobody can hide the banner while sample
 * cases remain, and the seeder refuses a database that already holds real reports.
 */
import type { Db } from "../db.ts";

export const SAMPLE_DATA_KEY = "demo.sampleData";

export interface SampleDataMark {
  seededAt: string;
  caseIds: string[];
}

export async function sampleDataMark(db: Pick<Db, "setting">): Promise<SampleDataMark | null> {
  const row = await db.setting.findUnique({ where: { key: SAMPLE_DATA_KEY }, select: { value: true } });
  const value = row?.value as Partial<SampleDataMark> | undefined;
  return value && Array.isArray(value.caseIds)
    ? {
        seededAt: String(value.seededAt ?? ""),
        caseIds: value.caseIds.filter((id): id is string => typeof id === "string"),
      }
    : null;
}

/** Whether sample cases are in the database now (the banner's rule). */
export async function sampleDataPresent(db: Pick<Db, "setting" | "case">): Promise<boolean> {
  const mark = await sampleDataMark(db);
  if (!mark || mark.caseIds.length === 0) return false;
  return (await db.case.count({ where: { id: { in: mark.caseIds } } })) > 0;
}
