/**
 * What the staff workspace shows around every page: the member's unread notifications (the
 * header's bell) and whether the sample office year is in the database (the "Data contoh"
 * banner, server/domain/demo-data.ts). Every staff page view pays for them, so they are one
 * statement instead of one or two each.
 */
import type { Db } from "../db.ts";
import { SAMPLE_DATA_PRESENT } from "./demo-data.ts";

export interface StaffFrameFacts {
  /** The member's own unread notifications (notifications.unreadCount). */
  unread: number;
  /** The banner's rule: a sample case named by the seeder's mark is still in the database (sampleDataPresent). */
  sampleData: boolean;
}

export async function staffFrameFacts(db: Pick<Db, "$queryRaw">, userId: string): Promise<StaffFrameFacts> {
  const [row] = await db.$queryRaw<{ unread: number; sampleData: boolean }[]>`
    SELECT
      (SELECT count(*)::int FROM "notifications" n WHERE n."user_id" = ${userId} AND n."read_at" IS NULL) AS "unread",
      ${SAMPLE_DATA_PRESENT} AS "sampleData"`;
  return { unread: row?.unread ?? 0, sampleData: row?.sampleData ?? false };
}
