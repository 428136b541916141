import type { AuthOptions } from "next-auth";
import { encode, type JWTEncodeParams } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db.ts";
import { env } from "../env.ts";
import { clientAddressOf } from "../net/request-address.ts";
import { authorizeStaff, isSignInError, SIGN_IN_ERRORS, type StaffSignIn } from "./authorize.ts";
import {
  endStaffSession,
  SESSION_SECONDS,
  staffSessionOpen,
  startStaffSession,
  upgradedSessionClaims,
} from "./session-record.ts";
import { isDatabaseUnavailable } from "../db-outage/classify.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Staff address for the audit trail and the sign-in throttle (server/net/request-address.ts). */
export function staffAddress(headers: unknown): string {
  return clientAddressOf(headers as Parameters<typeof clientAddressOf>[0]);
}

/** Secure cookies on an HTTPS site, as next-auth itself would decide from NEXTAUTH_URL. */
const secureCookies = () => env().authUrl?.startsWith("https://") ?? false;

/** next-auth's name for the session cookie (read by sessionClaims). */
export const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/**
 * next-auth's encoder, with the token's `exp` pinned to the session's end fixed at sign-in
 * (claim `end`): next-auth re-encodes the token on every session-endpoint call with a fresh
 * maxAge, which would otherwise renew it. A token without an end is never issued.
 */
export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const end = params.token?.end;
  if (typeof end !== "number") throw new Error("session token without an end");
  return encode({ ...params, maxAge: end - Math.floor(Date.now() / 1000) });
}

/** The kind of failure only: a driver error's message can carry query values. */
const failureKind = (error: unknown) => (error instanceof Error ? error.name : "unknown error");

/** Filled in by the callbacks when the database was unavailable during this request. */
export interface AuthOutage {
  seen: boolean;
}

/**
 * Built on first use, so `next build` never reads secrets or opens the database. `outage` is
 * this request's: next-auth answers any failed session check by clearing the cookie, so the
 * route (app/api/auth) must know when the failure was an outage and answer 503 instead.
 */
export function authOptions(outage: AuthOutage = { seen: false }): AuthOptions {
  return {
    secret: env().secrets.sessionSecret,
    useSecureCookies: secureCookies(),
    // A working day from sign-in. The cookie's own lifetime is only a hint: the token's `exp` and
    // the server-side record both end at sign-in + 8 h, and nothing moves either.
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { maxAge: SESSION_SECONDS, encode: encodeSessionToken },
    pages: { signIn: "/staff/masuk", error: "/staff/masuk" },
    // next-auth logs errors with their message, metadata and stack. An ended or expired session
    // is the normal answer to a replayed cookie, not a fault; anything else is logged by its code
    // alone, so no token, claim or stack reaches the log.
    logger: {
      error(code) {
        if (code !== "JWT_SESSION_ERROR") console.error(`next-auth: ${code}`);
      },
      warn(code) {
        console.warn(`next-auth: ${code}`);
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Lentera",
        credentials: { username: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
        authorize: async (credentials, req) => {
          try {
            return await authorizeStaff(await getDb(), credentials, new Date(), {
              masterKey: () => env().secrets.masterKey,
              ipAddress: staffAddress(req?.headers),
              throttleKey: () => env().secrets.trackingKey,
              sleep,
            });
          } catch (error) {
            // The message reaches the browser as `?error=`: only the known codes, never internals.
            if (error instanceof Error && isSignInError(error.message)) throw error;
            // An outage is logged once by the database monitor, not per attempt; the form says "unavailable".
            if (!isDatabaseUnavailable(error)) console.error(`staff sign-in failed: ${failureKind(error)}`);
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
        },
      }),
    ],
    events: {
      // Signing out deletes the record, so a copy of the token kept elsewhere is dead too.
      async signOut({ token }) {
        try {
          await endStaffSession(await getDb(), token?.sid);
        } catch (error) {
          if (isDatabaseUnavailable(error)) outage.seen = true;
          else console.error(`staff sign-out failed: ${failureKind(error)}`);
          throw new Error("sign-out failed");
        }
      },
    },
    callbacks: {
      // Sign-in opens the server-side record; every later call (the session endpoint) first
      // checks it is still open, and throws otherwise: next-auth then clears the cookie and
      // answers as to a signed-out user. The token is returned unchanged, its end included.
      // The one exception is an update (useSession().update) of an enrolment token whose
      // activation is on record: it is re-issued as the full session the confirmation made of
      // it. What the browser sends with the update is ignored; only the database decides.
      async jwt({ token, user, trigger }) {
        if (user) {
          const signedIn = user as unknown as StaffSignIn;
          const enrol = signedIn.enrol === true;
          const session = await startStaffSession(await getDb(), { userId: signedIn.id, enrol, now: new Date() });
          return { uid: signedIn.id, sv: signedIn.sessionVersion ?? 0, enrol, sid: session.id, end: session.end };
        }
        let open: boolean;
        try {
          if (trigger === "update" && token.enrol === true) {
            const upgraded = await upgradedSessionClaims(await getDb(), token as Record<string, unknown>, new Date());
            if (upgraded) return upgraded;
          }
          open = await staffSessionOpen(await getDb(), token as Record<string, unknown>, new Date());
        } catch (error) {
          // "Cannot tell now" is not "ended": the route answers 503 and the cookie stays.
          if (isDatabaseUnavailable(error)) outage.seen = true;
          throw error;
        }
        if (!open) throw new Error("session ended");
        return token;
      },
      // Only the ids travel in the session; name and roles are reloaded from the database.
      session({ session, token }) {
        // `expires` states the session's fixed end, not next-auth's "now + maxAge".
        const expires = typeof token.end === "number" ? new Date(token.end * 1000).toISOString() : session.expires;
        return { expires, uid: token.uid, sv: token.sv, enrol: token.enrol === true } as unknown as typeof session;
      },
    },
  };
}
