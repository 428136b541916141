import "server-only";
import { cache } from "react";
import { serverCaller } from "@/server/trpc/server-caller.ts";

/**
 * The signed-in member's frame facts (staff.frame), once per rendered request: the staff layout's
 * sample-data banner and the header's bell read the same answer. Null without a working session
 * (the sign-in pages) or while the database is unavailable.
 */
export const staffFrame = cache(async () => (await serverCaller()).staff.frame().catch(() => null));
