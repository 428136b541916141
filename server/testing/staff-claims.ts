/** Tests: the claims of a freshly signed-in session (with its server-side record), as sign-in makes them. */
import { startStaffSession } from "../auth/session-record.ts";
import type { Db } from "../db.ts";

export async function signedInClaims(
  db: Db,
  user: { id: string; sessionVersion: number },
  options: { enrol?: boolean; now?: Date } = {},
) {
  const enrol = options.enrol === true;
  const session = await startStaffSession(db, { userId: user.id, enrol, now: options.now ?? new Date() });
  return { uid: user.id, sv: user.sessionVersion, enrol, sid: session.id, end: session.end };
}
