import { getDb, type Db } from "../db.ts";
import { currentStaff, type StaffPrincipal } from "../auth/staff-session.ts";
import { unavailableTrpcError } from "../db-outage/trpc-unavailable.ts";

export interface Context {
  db: Db;
  /** Resolved on demand (staff procedures only), so public pages never touch the session. */
  staff: () => Promise<StaffPrincipal | null>;
}

export async function createContext(): Promise<Context> {
  const db = await getDb().catch((e: unknown) => {
    throw unavailableTrpcError(e) ?? e;
  });
  let staff: Promise<StaffPrincipal | null> | undefined;
  return { db, staff: () => (staff ??= currentStaff(db)) };
}
