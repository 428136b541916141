import { router } from "../trpc/init.ts";

export const casesRouter = router({});
