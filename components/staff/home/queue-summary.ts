import { TRPCError } from "@trpc/server";
import type { serverCaller } from "@/server/trpc/server-caller.ts";
import type { QueueSummary } from "./my-queue.tsx";

/** The user's queue in three figures and the next cases; null for a user without a case role. */
export async function queueSummary(caller: Awaited<ReturnType<typeof serverCaller>>): Promise<QueueSummary | null> {
  try {
    // The server applies the user's roles and case access to each list, as in the queue itself.
    return await caller.home.queue();
  } catch (error) {
    // A user without a case role (Admin) has no queue; anything else is a real failure.
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}
