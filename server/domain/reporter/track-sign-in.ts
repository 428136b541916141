/**
 * Tracking-code sign-in. The code is looked up FIRST: a valid code always opens its session,
 * whatever the brake says, so no flood of wrong codes (from any number of addresses) can keep
 * a reporter out. This is safe because the brake does not protect the codes: with 80 random
 * bits a guesser at any rate a server can answer needs longer than the age of the universe
 * to hit one of the live codes. The lookup is one keyed hash and one indexed read, about what
 * the brake itself costs, so refusing before it would save the server nothing.
 * The brake only decides how a WRONG code is answered, and sheds the database write a wrong
 * code costs: a client over its limit, or everyone while the global limit is exceeded, gets
 * "rate_limited", and a client already over its own limit is no longer counted globally.
 */
import type { Db } from "../../db.ts";
import { openReporterSession } from "./session.ts";
import { countGlobalFailure, globalFailures, GLOBAL_LIMIT, type ClientFailureWindow } from "./tracking-limiter.ts";

export type TrackSignInResult =
  { ok: true; token: string } | { ok: false; reason: "malformed" | "unknown" | "rate_limited" };

export async function trackSignIn(
  db: Db,
  deps: { trackingKey: Buffer; limiter: ClientFailureWindow },
  client: string,
  code: string,
  now = new Date(),
): Promise<TrackSignInResult> {
  const result = await openReporterSession(db, deps.trackingKey, code, now);
  if (result.ok || result.reason !== "unknown") return result;
  if (deps.limiter.isBlocked(client, now.getTime())) return { ok: false, reason: "rate_limited" };
  deps.limiter.recordFailure(client, now.getTime());
  if ((await globalFailures(db, deps.trackingKey, now)) >= GLOBAL_LIMIT) return { ok: false, reason: "rate_limited" };
  await countGlobalFailure(db, deps.trackingKey, now);
  return result;
}
