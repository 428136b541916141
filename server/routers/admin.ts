/**
 * Admin (users, settings) and the audit trail (Pengawas; Admin sees its own area only).
 * Thin: zod at the edge, the work in server/domain/admin/* (its refusals are DomainErrors, mapped
 * in server/trpc/init.ts). Nothing here reads a case table.
 */
import { z } from "zod";
import { may } from "../domain/policy/policy.ts";
import { staffProcedure, router } from "../trpc/init.ts";
import { backupRouter } from "./backup.ts";
import {
  createUser,
  createUserInput,
  listUsers,
  profileSchema,
  resetPassword,
  resetSecondFactor,
  setUserActive,
  updateUser,
} from "../domain/admin/users.ts";
import { listSettings, updateSetting } from "../domain/admin/settings-admin.ts";
import { invalidatePublicPages } from "../http/portal/page-cache.ts";
import { EMBLEM_MAX_BYTES, getEmblem, removeEmblem, setEmblem } from "../domain/admin/office-emblem.ts";
import { auditFilterSchema, listAuditActors, listAuditEntries } from "../domain/admin/audit-log.ts";
import { BROKEN_LINK, verifyAuditChain } from "../domain/audit-verify.ts";
import { SETTING_KEYS } from "../domain/settings.ts";

const adminProcedure = staffProcedure("administer");
/** The audit trail: Pengawas sees all of it, Admin its own area (server/domain/admin/audit-log.ts). */
const auditProcedure = staffProcedure("readAuditTrail");

const userIdInput = z.object({ id: z.string().min(1).max(100) });

const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  /** Returns the generated initial password once; it is not stored anywhere. */
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.staff.id, input)),
  update: adminProcedure
    .input(profileSchema.extend(userIdInput.shape))
    .mutation(({ ctx, input: { id, ...profile } }) => updateUser(ctx.db, ctx.staff.id, id, profile)),
  setActive: adminProcedure
    .input(userIdInput.extend({ active: z.boolean() }))
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.staff.id, input.id, input.active)),
  resetSecondFactor: adminProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => resetSecondFactor(ctx.db, ctx.staff.id, input.id)),
  /** Returns the new password once. */
  resetPassword: adminProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.staff.id, input.id)),
});

/**
 * The emblem travels as base64 inside the JSON body (staff pages use tRPC, not form posts). The
 * edge allows twice the file limit, so a file somewhat too large still gets the domain's clear
 * `emblem_too_large` rather than a bare validation error.
 */
// The length is checked first and stops there, so an oversized body is not run through the base64 pattern.
const emblemInput = z.object({
  base64: z
    .string()
    .max(Math.ceil((2 * EMBLEM_MAX_BYTES) / 3) * 4, { abort: true })
    .base64(),
});

const emblemRouter = router({
  get: adminProcedure.query(({ ctx }) => getEmblem(ctx.db)),
  set: adminProcedure
    .input(emblemInput)
    .mutation(({ ctx, input }) => setEmblem(ctx.db, ctx.staff.id, Buffer.from(input.base64, "base64"))),
  remove: adminProcedure.mutation(({ ctx }) => removeEmblem(ctx.db, ctx.staff.id)),
});

const settingsRouter = router({
  list: adminProcedure.query(({ ctx }) => listSettings(ctx.db)),
  /** Validation problems come back as `{ ok: false, issues }` for the form, not as an error. */
  update: adminProcedure
    .input(
      z.object({ key: z.enum(SETTING_KEYS), value: z.unknown(), expectedUpdatedAt: z.date().nullable().optional() }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await updateSetting(ctx.db, ctx.staff.id, input);
      // The public pages show settings (standard times, commitments): the next visitor sees the new value.
      if (result.ok) invalidatePublicPages();
      return result;
    }),
  emblem: emblemRouter,
});

const auditRouter = router({
  list: auditProcedure
    .input(
      z.object({
        filter: auditFilterSchema,
        cursor: z
          .string()
          .regex(/^\d{1,19}$/)
          .nullish(),
      }),
    )
    .query(({ ctx, input }) =>
      listAuditEntries(ctx.db, {
        filter: input.filter,
        cursor: input.cursor,
        scope: may(ctx.staff.roles, "readWholeAuditTrail") ? "all" : "admin",
      }),
    ),
  actors: auditProcedure.query(({ ctx }) => listAuditActors(ctx.db)),
  /**
   * Checks the whole hash chain (what `npm run audit:verify` does). The id is sent as text, the
   * reason as a code the page translates: `link` (an entry deleted or inserted), `hash` (changed).
   */
  verify: auditProcedure.query(async ({ ctx }) => {
    const result = await verifyAuditChain(ctx.db);
    if (result.ok) return result;
    const { id, reason } = result.firstBroken;
    return {
      ok: false as const,
      count: result.count,
      firstBroken: { id: id.toString(), reason: reason === BROKEN_LINK ? ("link" as const) : ("hash" as const) },
    };
  }),
});

export const adminRouter = router({
  users: usersRouter,
  settings: settingsRouter,
  audit: auditRouter,
  backup: backupRouter,
});
