/**
 * Server-side staff session records. A sign-in creates one with an absolute end; the session
 * token carries its id and every staff request reads it together with the account. Nothing
 * moves the end, and signing out deletes the record, so every copy of that token dies with it.
 */
import type { Db } from "../db.ts";

/** A working day from sign-in, whatever happens in between. */
export const SESSION_SECONDS = 8 * 60 * 60;
/** Setting up a second factor takes minutes: a half-finished enrolment does not stay open all day. */
export const ENROLMENT_SECONDS = 30 * 60;

export interface StartedSession {
  id: string;
  /** The session's end (also the token's `exp`), in seconds since the epoch. */
  end: number;
}

/** Opens a session for an account that has just passed sign-in; its expired records are dropped on the way. */
export async function startStaffSession(db: Db, input: { userId: string; enrol: boolean; now: Date }): Promise<StartedSession> {
  const seconds = input.enrol ? ENROLMENT_SECONDS : SESSION_SECONDS;
  const end = Math.floor(input.now.getTime() / 1000) + seconds;
  const [, row] = await db.$transaction([
    db.staffSession.deleteMany({ where: { userId: input.userId, expiresAt: { lte: input.now } } }),
    db.staffSession.create({ data: { userId: input.userId, enrol: input.enrol, createdAt: input.now, expiresAt: new Date(end * 1000) }, select: { id: true } }),
  ]);
  return { id: row.id, end };
}

/** Ends a session (sign-out): afterwards its token answers like no token at all. */
export async function endStaffSession(db: Db, sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string") return;
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}

/** The session record rule: present, of this account and kind, and not past its end. */
export function sessionRecordLive(record: { userId: string; enrol: boolean; expiresAt: Date } | null, claims: { uid?: unknown; enrol?: unknown }, now: Date): boolean {
  return !!record && record.userId === claims.uid && record.enrol === (claims.enrol === true) && record.expiresAt.getTime() > now.getTime();
}

/** Whether the session of these claims is still open (the next-auth session endpoint asks before answering). */
export async function staffSessionOpen(db: Db, claims: { uid?: unknown; sid?: unknown; enrol?: unknown }, now: Date): Promise<boolean> {
  if (typeof claims.sid !== "string" || typeof claims.uid !== "string") return false;
  const record = await db.staffSession.findUnique({ where: { id: claims.sid }, select: { userId: true, enrol: true, expiresAt: true } });
  return sessionRecordLive(record, claims, now);
}
