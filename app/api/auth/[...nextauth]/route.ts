import NextAuth from "next-auth";
import { authOptions, type AuthOutage } from "@/server/auth/options.ts";
import { unavailableResponse } from "@/server/db-outage/unavailable-page.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the build step never touches secrets or the database.
async function handler(req: Request, ctx: Ctx) {
  const outage: AuthOutage = { seen: false };
  const response = await NextAuth(req as never, { params: await ctx.params } as never, authOptions(outage));
  // next-auth treats a failed check as a signed-out visitor and clears the session cookie;
  // when the database was merely unavailable, nothing is decided: 503, and no cookie is touched.
  return outage.seen ? unavailableResponse() : response;
}

export { handler as GET, handler as POST };
