import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db.ts";
import { env } from "../env.ts";
import { authorizeStaff } from "./authorize.ts";

/** Built on first use, so `next build` never reads secrets or opens the database. */
export function authOptions(): AuthOptions {
  return {
    secret: env().secrets.sessionSecret,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/staff/masuk", error: "/staff/masuk" },
    providers: [
      CredentialsProvider({
        name: "Lentera",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        authorize: async (credentials) => authorizeStaff(await getDb(), credentials),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      // Only the ids travel in the session; name and roles are reloaded from the database.
      session({ session, token }) {
        return { expires: session.expires, uid: token.uid, sv: token.sv } as unknown as typeof session;
      },
    },
  };
}
