import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db.ts";
import { env } from "../env.ts";
import { clientAddressOf } from "../net/request-address.ts";
import { authorizeStaff, isSignInError, SIGN_IN_ERRORS, type StaffSignIn } from "./authorize.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Staff address for the audit trail and the sign-in throttle (server/net/request-address.ts). */
export function staffAddress(headers: unknown): string {
  return clientAddressOf(headers as Parameters<typeof clientAddressOf>[0]);
}

/** Secure cookies on an HTTPS site, as next-auth itself would decide from NEXTAUTH_URL. */
const secureCookies = () => env().authUrl?.startsWith("https://") ?? false;

/** next-auth's name for the session cookie (read by sessionClaims). */
export const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/** Built on first use, so `next build` never reads secrets or opens the database. */
export function authOptions(): AuthOptions {
  return {
    secret: env().secrets.sessionSecret,
    useSecureCookies: secureCookies(),
    // A working day from sign-in; sessionClaims does not extend it.
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/staff/masuk", error: "/staff/masuk" },
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
            // The kind of failure only: a driver error's message can carry query values.
            console.error(`staff sign-in failed: ${error instanceof Error ? error.name : "unknown error"}`);
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as StaffSignIn;
          token.uid = signedIn.id;
          token.sv = signedIn.sessionVersion ?? 0;
          token.enrol = signedIn.enrol === true;
        }
        return token;
      },
      // Only the ids travel in the session; name and roles are reloaded from the database.
      session({ session, token }) {
        return { expires: session.expires, uid: token.uid, sv: token.sv, enrol: token.enrol === true } as unknown as typeof session;
      },
    },
  };
}
