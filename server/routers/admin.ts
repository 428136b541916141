import { router } from "../trpc/init.ts";

export const adminRouter = router({});
