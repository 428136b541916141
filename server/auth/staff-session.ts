import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import type { Db } from "../db.ts";
import {
  staffOfClaims,
  working,
  type SessionAccount,
  type SessionClaims,
  type StaffAccount,
} from "../domain/staff-session.ts";
import { env } from "../env.ts";
import { sessionCookieName } from "./options.ts";
import { LIVE_RECORD_FIELDS, sessionRecordLive } from "./session-record.ts";

// The rule lives in the domain; its names stay importable from here.
export { staffOfClaims, working, type SessionAccount, type SessionClaims, type StaffAccount };

/**
 * The claims of the signed, encrypted session cookie, read directly: next-auth's
 * getServerSession would also re-issue the cookie on every call (about 1.5 ms per staff
 * request). The token expires at the session's fixed end (options.ts), and the database
 * check of staffFromClaims ends it at once on sign-out or when the account changes.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? decodeSessionToken(token, env().secrets.sessionSecret) : null;
}

const derivedKeys = new Map<string, Uint8Array>();

/**
 * next-auth's `decode` (next-auth/jwt), with its key derived once per secret instead of on
 * every request: HKDF-SHA256 of the secret, empty salt, the same info string, 32 bytes for
 * dir/A256GCM. session-token.test.ts checks it against next-auth's own encode.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionClaims | null> {
  let key = derivedKeys.get(secret);
  if (!key)
    derivedKeys.set(
      secret,
      (key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32))),
    );
  try {
    const { payload } = await jwtDecrypt(token, key, { clockTolerance: 15 });
    return { uid: payload.uid, sv: payload.sv, sid: payload.sid, enrol: payload.enrol };
  } catch {
    return null; // expired, tampered with, or signed with another secret
  }
}

/**
 * The signed-in staff member, reloaded from the database on every call: a deactivated
 * account or a bumped sessionVersion loses access on its next request.
 */
export async function currentStaff(db: Db) {
  const claims = await sessionClaims();
  return claims ? staffFromClaims(db, claims) : null;
}

/**
 * For routes and actions outside tRPC: a session that may work, i.e. not one that still has to
 * replace an Admin-given password (tRPC's staffProcedure refuses those the same way).
 */
export async function workingStaff(db: Db) {
  return working(await currentStaff(db));
}

/**
 * A full staff session. An enrolment session (`enrol: true`) is never one: it can only enrol.
 * The account and its session record are one statement (a join), as every staff request
 * pays for it: the record of this account and kind, with its end, which staffOfClaims checks.
 */
export async function staffFromClaims(db: Db, claims: SessionClaims, now = new Date()): Promise<StaffAccount | null> {
  if (typeof claims.uid !== "string" || typeof claims.sid !== "string" || claims.enrol === true) return null;
  const [account] = await db.$queryRaw<SessionAccount[]>`
    SELECT u."id", u."username", u."name", u."nip", u."position", u."roles"::text[] AS "roles", u."active",
           u."session_version" AS "sessionVersion", u."must_change_password" AS "mustChangePassword",
           s."expires_at" AS "sessionExpiresAt"
    FROM "staff_sessions" s JOIN "staff_users" u ON u."id" = s."user_id"
    WHERE s."id" = ${claims.sid} AND s."user_id" = ${claims.uid} AND NOT s."enrol"`;
  return staffOfClaims(account ?? null, claims, now);
}

export type StaffPrincipal = NonNullable<Awaited<ReturnType<typeof staffFromClaims>>>;

/** The session of someone who passed the password step and must now enrol a second factor. */
export async function currentEnrolment(db: Db) {
  const claims = await sessionClaims();
  return claims ? enrolmentFromClaims(db, claims) : null;
}

/**
 * An enrolment session is valid while its record is open (a short, fixed time from the password
 * step), the account is active, the session version matches and the factor is still not
 * enrolled (confirming enrolment bumps the version and upgrades this session's record, ending it
 * as an enrolment session).
 */
export async function enrolmentFromClaims(db: Db, claims: SessionClaims, now = new Date()) {
  if (typeof claims.uid !== "string" || typeof claims.sid !== "string" || claims.enrol !== true) return null;
  const record = await db.staffSession.findUnique({
    where: { id: claims.sid },
    select: {
      ...LIVE_RECORD_FIELDS,
      user: {
        select: { id: true, username: true, name: true, active: true, sessionVersion: true, totpEnrolledAt: true },
      },
    },
  });
  if (!record || !sessionRecordLive(record, claims, now)) return null;
  const user = record.user;
  if (!user.active || user.sessionVersion !== claims.sv || user.totpEnrolledAt !== null) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    sessionVersion: user.sessionVersion,
    sessionId: claims.sid,
  };
}

export type EnrolmentSession = NonNullable<Awaited<ReturnType<typeof enrolmentFromClaims>>>;
