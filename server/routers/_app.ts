import { router } from "../trpc/init.ts";
import { portalRouter } from "./portal.ts";
import { staffRouter } from "./staff.ts";

export const appRouter = router({
  portal: portalRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
