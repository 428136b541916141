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
export async function startStaffSession(
  db: Db,
  input: { userId: string; enrol: boolean; now: Date },
): Promise<StartedSession> {
  const seconds = input.enrol ? ENROLMENT_SECONDS : SESSION_SECONDS;
  const end = Math.floor(input.now.getTime() / 1000) + seconds;
  const [, row] = await db.$transaction([
    db.staffSession.deleteMany({ where: { userId: input.userId, expiresAt: { lte: input.now } } }),
    db.staffSession.create({
      data: { userId: input.userId, enrol: input.enrol, createdAt: input.now, expiresAt: new Date(end * 1000) },
      select: { id: true },
    }),
  ]);
  return { id: row.id, end };
}

/** Ends a session (sign-out): afterwards its token answers like no token at all. */
export async function endStaffSession(db: Db, sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string") return;
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}

/** The columns of a session record that sessionRecordLive reads: every read of a record selects them. */
export const LIVE_RECORD_FIELDS = { userId: true, enrol: true, expiresAt: true } as const;

/** The session record rule: present, of this account and kind, and not past its end. */
export function sessionRecordLive(
  record: { userId: string; enrol: boolean; expiresAt: Date } | null,
  claims: { uid?: unknown; enrol?: unknown },
  now: Date,
): boolean {
  return (
    !!record &&
    record.userId === claims.uid &&
    record.enrol === (claims.enrol === true) &&
    record.expiresAt.getTime() > now.getTime()
  );
}

/** Whether the session of these claims is still open (the next-auth session endpoint asks before answering). */
export async function staffSessionOpen(
  db: Db,
  claims: { uid?: unknown; sid?: unknown; enrol?: unknown },
  now: Date,
): Promise<boolean> {
  if (typeof claims.sid !== "string" || typeof claims.uid !== "string") return false;
  const record = await db.staffSession.findUnique({
    where: { id: claims.sid },
    select: LIVE_RECORD_FIELDS,
  });
  return sessionRecordLive(record, claims, now);
}

/**
 * Turns the enrolment session `sessionId` into a full one, inside the transaction that confirms
 * the second factor: the record becomes a normal session ending a working day after the password
 * step, as a sign-in with a code would have. Until the token is re-issued (upgradedSessionClaims)
 * the enrolment token no longer matches its record and can do nothing.
 */
export async function upgradeEnrolmentSession(
  tx: Pick<Db, "staffSession">,
  input: { sessionId: string; userId: string },
): Promise<void> {
  const record = await tx.staffSession.findUnique({
    where: { id: input.sessionId },
    select: { userId: true, enrol: true, createdAt: true },
  });
  if (!record || record.userId !== input.userId || !record.enrol) return;
  const expiresAt = new Date(record.createdAt.getTime() + SESSION_SECONDS * 1000);
  await tx.staffSession.update({ where: { id: input.sessionId }, data: { enrol: false, expiresAt } });
}

/**
 * The claims of the full session an enrolment token becomes once its activation is on record,
 * or null. Decided from the database alone, never from what the browser sends: the record was
 * upgraded by the confirmation, the account is active and enrolled, and its session version is
 * exactly the one the confirmation set (any later reset, password change or sign-out-everywhere
 * moves it on and the upgrade is refused).
 */
export async function upgradedSessionClaims(
  db: Db,
  claims: { uid?: unknown; sid?: unknown; sv?: unknown; enrol?: unknown },
  now: Date,
) {
  if (
    claims.enrol !== true ||
    typeof claims.sid !== "string" ||
    typeof claims.uid !== "string" ||
    typeof claims.sv !== "number"
  )
    return null;
  const record = await db.staffSession.findUnique({
    where: { id: claims.sid },
    select: { ...LIVE_RECORD_FIELDS, user: { select: { active: true, sessionVersion: true, totpEnrolledAt: true } } },
  });
  if (!record || record.enrol || !sessionRecordLive(record, { uid: claims.uid, enrol: false }, now)) return null;
  const user = record.user;
  if (!user.active || user.totpEnrolledAt === null || user.sessionVersion !== claims.sv + 1) return null;
  return {
    uid: claims.uid,
    sv: user.sessionVersion,
    enrol: false,
    sid: claims.sid,
    end: Math.floor(record.expiresAt.getTime() / 1000),
  };
}
