import { router } from "../trpc/init.ts";
import { accountRouter } from "./account.ts";
import { adminRouter } from "./admin.ts";
import { casesRouter } from "./cases.ts";
import { homeRouter } from "./home.ts";
import { portalRouter } from "./portal.ts";
import { staffRouter } from "./staff.ts";
import { statisticsRouter } from "./statistics.ts";
import { notificationsRouter } from "./notifications.ts";

export const appRouter = router({
  portal: portalRouter,
  staff: staffRouter,
  /** The signed-in staff member's own security: second factor enrolment, backup codes. */
  account: accountRouter,
  /** Users and settings (Admin); the audit trail (Pengawas). */
  admin: adminRouter,
  /** The SOP workflow: queues, case pages, the eight steps, exclusions, agenda books. */
  cases: casesRouter,
  /** The staff home's queue figures. */
  home: homeRouter,
  /** The office dashboard (unsuppressed statistics) for Kepala Dinas, Pengawas, Sekretariat. */
  statistics: statisticsRouter,
  /** Each member's notifications and email choices; Admin's email server settings. */
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
