import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the build step never touches secrets or the database.
async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions());
}

export { handler as GET, handler as POST };
