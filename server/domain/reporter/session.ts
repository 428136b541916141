/**
 * Reporter sessions: the tracking code opens a session held in an
 * HttpOnly cookie; the database keeps only SHA-256 of the token and the case id, no
 * address or browser trace. Sessions end after 15 idle minutes or on sign-out.
 */
import type { Db } from "../../db.ts";
import { uuidV7 } from "../cases/insert-attachments.ts";
import { randomToken, sha256 } from "../crypto.ts";
import { normaliseTrackingCode, trackingHash } from "../tracking-code.ts";

export const IDLE_MS = 15 * 60_000;

export interface ReporterPrincipal {
  sessionId: string;
  caseId: string;
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: "malformed" | "unknown" };

/** Opens a session for the case behind `code`; "unknown" is a wrong code (counts against the limit). */
export async function openReporterSession(
  db: Db,
  trackingKey: Buffer,
  code: string,
  now = new Date(),
): Promise<SignInResult> {
  const normalised = normaliseTrackingCode(code);
  if (!normalised) return { ok: false, reason: "malformed" };
  const token = randomToken();
  // One call (SQL function reporter_session_open): find the case, sweep expired sessions, store this one.
  const [row] = await db.$queryRaw<{ caseId: string | null }[]>`
    SELECT reporter_session_open(${trackingHash(trackingKey, normalised)}, ${uuidV7(now.getTime())},
      ${sha256(token)}, ${now}, ${new Date(now.getTime() + IDLE_MS)}) AS "caseId"`;
  if (!row?.caseId) return { ok: false, reason: "unknown" };
  return { ok: true, token };
}

/** Whether a cookie value can be a session token at all (an overlong one is not looked up). */
export function validTokenShape(token: string | undefined): token is string {
  return !!token && token.length <= 100;
}

/** When a session seen at `now` ends if nothing else happens. */
export function idleUntil(now: Date): Date {
  return new Date(now.getTime() + IDLE_MS);
}

/** The live session behind a cookie token, its idle timer restarted; null when absent or expired. */
export async function resumeReporterSession(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<ReporterPrincipal | null> {
  if (!validTokenShape(token)) return null;
  // One statement on every page view: check, restart the idle timer and read the case.
  const rows = await db.$queryRaw<{ id: string; case_id: string }[]>`
    UPDATE reporter_sessions SET last_seen_at = ${now}, expires_at = ${idleUntil(now)}
    WHERE token_hash = ${sha256(token)} AND expires_at > ${now}
    RETURNING id, case_id`;
  const session = rows[0];
  return session ? { sessionId: session.id, caseId: session.case_id } : null;
}

export async function closeReporterSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.reporterSession.deleteMany({ where: { tokenHash: sha256(token) } });
}
