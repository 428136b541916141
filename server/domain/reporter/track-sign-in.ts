/** Tracking-code sign-in with the brute-force brake in front of the lookup. */
import type { Db } from "../../db.ts";
import { openReporterSession } from "./session.ts";
import { countGlobalFailure, globalFailures, GLOBAL_LIMIT, type ClientFailureWindow } from "./tracking-limiter.ts";

export type TrackSignInResult = { ok: true; token: string } | { ok: false; reason: "malformed" | "unknown" | "rate_limited" };

export async function trackSignIn(
  db: Db,
  deps: { trackingKey: Buffer; limiter: ClientFailureWindow },
  client: string,
  code: string,
  now = new Date(),
): Promise<TrackSignInResult> {
  if (deps.limiter.isBlocked(client, now.getTime()) || (await globalFailures(db, deps.trackingKey, now)) >= GLOBAL_LIMIT) {
    return { ok: false, reason: "rate_limited" };
  }
  const result = await openReporterSession(db, deps.trackingKey, code, now);
  if (!result.ok && result.reason === "unknown") {
    deps.limiter.recordFailure(client, now.getTime());
    await countGlobalFailure(db, deps.trackingKey, now);
  }
  return result;
}
