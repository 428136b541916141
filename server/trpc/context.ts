import { getDb, type Db } from "../db.ts";
import { currentStaff, type StaffPrincipal } from "../auth/staff-session.ts";

export interface Context {
  db: Db;
  staff: StaffPrincipal | null;
}

export async function createContext(): Promise<Context> {
  const db = await getDb();
  return { db, staff: await currentStaff(db) };
}
