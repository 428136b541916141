/**
 * Notifications: each member's own list and choices (any staff role, own rows only), and
 * Admin's email server settings and test email. Thin: the work is in server/domain/notifications.
 */
import { z } from "zod";
import { env } from "../env.ts";
import {
  getPreferences,
  listNotifications,
  markRead,
  preferencesInput,
  savePreferences,
  setStaffEmail,
  unreadCount,
  emailSchema,
} from "../domain/notifications/preferences.ts";
import {
  saveSmtp,
  saveTiming,
  smtpForAdmin,
  smtpInput,
  timingInput,
} from "../domain/notifications/notification-settings.ts";
import { sendTestEmail } from "../domain/notifications/test-email.ts";
import { router, staffProcedure } from "../trpc/init.ts";

const member = staffProcedure("useAccount");
const admin = staffProcedure("administer");
const baseUrl = () => (env().authUrl ?? "http://localhost:3000").replace(/\/+$/, "");

export const notificationsRouter = router({
  list: member
    .input(z.object({ unreadOnly: z.boolean().default(false) }).default({ unreadOnly: false }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.staff.id, { unreadOnly: input.unreadOnly })),
  unreadCount: member.query(({ ctx }) => unreadCount(ctx.db, ctx.staff.id)),
  markRead: member
    .input(z.object({ ids: z.array(z.uuid()).max(200) }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.staff.id, input.ids)),
  markAllRead: member.mutation(({ ctx }) => markRead(ctx.db, ctx.staff.id, "all")),
  preferences: member.query(({ ctx }) => getPreferences(ctx.db, ctx.staff.id)),
  savePreferences: member
    .input(preferencesInput)
    .mutation(({ ctx, input }) => savePreferences(ctx.db, ctx.staff, input)),

  /** Admin: the SMTP settings without the password (only whether one is stored). */
  smtp: admin.query(({ ctx }) => smtpForAdmin(ctx.db)),
  saveSmtp: admin
    .input(smtpInput)
    .mutation(({ ctx, input }) => saveSmtp(ctx.db, env().secrets.masterKey, ctx.staff.id, input)),
  saveTiming: admin.input(timingInput).mutation(({ ctx, input }) => saveTiming(ctx.db, ctx.staff.id, input)),
  /** Sent to the Admin's own address, at once, so the outcome shows on the page. */
  sendTest: admin.mutation(({ ctx }) => sendTestEmail(ctx.db, env().secrets.masterKey, ctx.staff.id, baseUrl())),
  setUserEmail: admin
    .input(z.object({ id: z.string().min(1).max(100), email: emailSchema }))
    .mutation(({ ctx, input }) => setStaffEmail(ctx.db, ctx.staff.id, input.id, input.email)),
  userEmails: admin.query(async ({ ctx }) =>
    (await ctx.db.staffUser.findMany({ select: { id: true, email: true } })).map((u) => ({
      id: u.id,
      email: u.email ?? "",
    })),
  ),
});
