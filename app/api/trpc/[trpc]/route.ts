import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/_app.ts";
import { reportTrpcError } from "@/server/security/internal-errors.ts";
import { trpcRequestRefusal } from "@/server/security/trpc-request.ts";
import { createContext } from "@/server/trpc/context.ts";

function handler(req: Request) {
  return (
    trpcRequestRefusal(req) ??
    fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext, onError: reportTrpcError })
  );
}

export { handler as GET, handler as POST };
