/**
 * The SOP workflow over tRPC: every procedure names the roles that may call it;
 * the domain checks case visibility and the transition table again on the server.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { staffContextOf } from "../staff/staff-context.ts";
import { Role } from "../generated/prisma/enums.ts";
import { CASE_ROLES, CaseContentDestroyedError, CaseNotFoundError } from "../domain/cases/access.ts";
import { agendaEntries, agendaInput } from "../domain/cases/agenda.ts";
import { staffCaseView } from "../domain/cases/detail.ts";
import { EXCLUDERS, excludeInput, excludeStaff } from "../domain/cases/exclusions.ts";
import { listCases, listInput } from "../domain/cases/queue.ts";
import { caseRevision } from "../domain/cases/revision.ts";
import { IllegalTransitionError } from "../domain/cases/status-machine.ts";
import { MESSAGE_WRITERS, sendStaffMessage, staffMessageInput } from "../domain/cases/staff-messages.ts";
import { CaseConflictError, MissingReasonError } from "../domain/cases/transition.ts";
import * as workflow from "../domain/cases/workflow.ts";
import { correctionInput, correctLetter } from "../domain/letters/correction.ts";
import { CORRECTORS } from "../domain/letters/correctors.ts";
import { router, staffProcedure } from "../trpc/init.ts";

/** Domain refusals as tRPC errors; anything else stays an internal error (no details leak). */
function mapError(error: unknown, original: TRPCError): never {
  if (error instanceof CaseNotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: "Kasus tidak ditemukan." });
  if (error instanceof CaseContentDestroyedError) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Isi kasus telah dimusnahkan sesuai jadwal retensi arsip." });
  if (error instanceof IllegalTransitionError) throw new TRPCError({ code: "FORBIDDEN", message: error.message });
  if (error instanceof CaseConflictError) throw new TRPCError({ code: "CONFLICT", message: error.message });
  if (error instanceof MissingReasonError || error instanceof RangeError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
  throw original;
}

/** A procedure for `roles` whose handler gets the acting staff context and mapped errors. */
function caseProcedure(roles: readonly Role[]) {
  return staffProcedure(roles).use(async ({ ctx, next }) => {
    const result = await next({ ctx: { ...ctx, acting: staffContextOf(ctx.staff) } });
    // tRPC hands a thrown error back as a result; domain refusals become their own codes.
    if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) mapError(result.error.cause, result.error);
    return result;
  });
}

export const casesRouter = router({
  list: caseProcedure(CASE_ROLES)
    .input(listInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.acting.staff, input, ctx.acting.now)),
  get: caseProcedure(CASE_ROLES)
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => staffCaseView(ctx.db, ctx.acting, input.caseId)),
  /** How far the case has moved, without its content (not audited): a case page polls it to stay current. */
  revision: caseProcedure(CASE_ROLES)
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => caseRevision(ctx.db, ctx.acting.staff, input.caseId)),
  /** Active staff to choose meeting attendees or exclusions from (names and positions only). */
  staffDirectory: caseProcedure(CASE_ROLES).query(({ ctx }) =>
    ctx.db.staffUser.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, position: true, roles: true } }),
  ),
  record: caseProcedure([Role.SEKRETARIAT]).input(workflow.recordInput).mutation(({ ctx, input }) => workflow.recordCase(ctx.db, ctx.acting, input)),
  review: caseProcedure([Role.TIM_TELAAH]).input(workflow.reviewInput).mutation(({ ctx, input }) => workflow.reviewCase(ctx.db, ctx.acting, input)),
  resume: caseProcedure([Role.TIM_TELAAH]).input(workflow.resumeInput).mutation(({ ctx, input }) => workflow.resumeCase(ctx.db, ctx.acting, input)),
  convene: caseProcedure([Role.KEPALA_DINAS]).input(workflow.conveneInput).mutation(({ ctx, input }) => workflow.conveneMeeting(ctx.db, ctx.acting, input)),
  meetingOutcome: caseProcedure([Role.KEPALA_DINAS, Role.TIM_AUDIT]).input(workflow.meetingOutcomeInput).mutation(({ ctx, input }) => workflow.recordMeetingOutcome(ctx.db, ctx.acting, input)),
  saveDraft: caseProcedure([...new Set([...workflow.DRAFTERS.BERITA_ACARA, ...workflow.DRAFTERS.TANGGAPAN])]).input(workflow.draftInput).mutation(({ ctx, input }) => workflow.saveDraft(ctx.db, ctx.acting, input)),
  decideDraft: caseProcedure([Role.KEPALA_DINAS]).input(workflow.approvalInput).mutation(({ ctx, input }) => workflow.decideDraft(ctx.db, ctx.acting, input)),
  sendResponse: caseProcedure([Role.SEKRETARIAT]).input(workflow.sendInput).mutation(({ ctx, input }) => workflow.sendResponse(ctx.db, ctx.acting, input)),
  recordDelivery: caseProcedure([Role.SEKRETARIAT]).input(workflow.deliveryInput).mutation(({ ctx, input }) => workflow.recordDelivery(ctx.db, ctx.acting, input)),
  /** A new letter replacing an issued one (the domain checks the role for the letter's type). */
  correctLetter: caseProcedure([...new Set(Object.values(CORRECTORS).flat())]).input(correctionInput).mutation(({ ctx, input }) => correctLetter(ctx.db, ctx.acting, input)),
  archive: caseProcedure([Role.SEKRETARIAT]).input(workflow.archiveInput).mutation(({ ctx, input }) => workflow.archiveCase(ctx.db, ctx.acting, input)),
  message: caseProcedure(MESSAGE_WRITERS).input(staffMessageInput).mutation(({ ctx, input }) => sendStaffMessage(ctx.db, ctx.acting, input)),
  exclude: caseProcedure(EXCLUDERS).input(excludeInput).mutation(({ ctx, input }) => excludeStaff(ctx.db, ctx.acting, input)),
  agenda: caseProcedure([Role.SEKRETARIAT, Role.TIM_TELAAH, Role.KEPALA_DINAS, Role.PENGAWAS]).input(agendaInput).query(({ ctx, input }) => agendaEntries(ctx.db, ctx.acting.staff, input)),
});
