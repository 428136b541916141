/**
 * The mark of the sample office year (prisma/demo-office-year.ts). The seeder writes the
 * setting `demo.sampleData` with the ids of the cases it made; every page that shows cases or
 * figures carries the "Data contoh" banner while any of those cases is still in the database.
 * It is written by the seeder only, never by Admin: nobody can hide the banner while sample
 * cases remain, and the seeder refuses a database that already holds real reports.
 */
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";

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

/**
 * The banner's rule as one SQL expression: a case named by the mark is still in the database.
 * The ids are read as sampleDataMark reads them (an array, strings only). The staff frame embeds
 * it in its own statement (staff-frame.ts), so every staff page asks in one round trip.
 */
export const SAMPLE_DATA_PRESENT = Prisma.sql`EXISTS (
  SELECT 1
  FROM "settings" s
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(s."value" -> 'caseIds') = 'array' THEN s."value" -> 'caseIds' ELSE '[]'::jsonb END
  ) AS mark(id)
  JOIN "cases" c ON jsonb_typeof(mark.id) = 'string' AND c."id" = mark.id #>> '{}'
  WHERE s."key" = ${SAMPLE_DATA_KEY}
)`;

/** Whether sample cases are in the database now (the banner's rule). */
export async function sampleDataPresent(db: Pick<Db, "$queryRaw">): Promise<boolean> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`SELECT ${SAMPLE_DATA_PRESENT} AS "present"`;
  return row?.present ?? false;
}
