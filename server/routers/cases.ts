/**
 * The SOP workflow over tRPC: every procedure names the roles that may call it;
 * the domain checks case visibility and the transition table again on the server.
 */
import { z } from "zod";
import { staffContextOf } from "../staff/staff-context.ts";
import { Role } from "../generated/prisma/enums.ts";
import { CASE_ROLES } from "../domain/cases/access.ts";
import { agendaEntries, agendaInput } from "../domain/cases/agenda.ts";
import { staffCaseView } from "../domain/cases/detail.ts";
import { EXCLUDERS, excludeInput, excludeStaff } from "../domain/cases/exclusions.ts";
import { listCases, listInput } from "../domain/cases/queue.ts";
import { caseRevision } from "../domain/cases/revision.ts";
import { MESSAGE_WRITERS, sendStaffMessage, staffMessageInput } from "../domain/cases/staff-messages.ts";
import * as wf from "../domain/cases/workflow.ts";
import { correctionInput, correctLetter } from "../domain/letters/correction.ts";
import { CORRECTORS } from "../domain/letters/correctors.ts";
import { router, staffProcedure } from "../trpc/init.ts";

const R = Role;

/** A procedure for `roles` whose handler gets the acting staff context (refusals are mapped in server/trpc/init.ts). */
function caseProcedure(roles: readonly Role[]) {
  return staffProcedure(roles).use(({ ctx, next }) => next({ ctx: { ...ctx, sc: staffContextOf(ctx.staff) } }));
}

export const casesRouter = router({
  list: caseProcedure(CASE_ROLES)
    .input(listInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.sc.staff, input, ctx.sc.now)),
  get: caseProcedure(CASE_ROLES)
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => staffCaseView(ctx.db, ctx.sc, input.caseId)),
  /** How far the case has moved, without its content (not audited): a case page polls it to stay current. */
  revision: caseProcedure(CASE_ROLES)
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => caseRevision(ctx.db, ctx.sc.staff, input.caseId)),
  /** Active staff to choose meeting attendees or exclusions from (names and positions only). */
  staffDirectory: caseProcedure(CASE_ROLES).query(({ ctx }) =>
    ctx.db.staffUser.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, position: true, roles: true } }),
  ),
  record: caseProcedure([R.SEKRETARIAT]).input(wf.recordInput).mutation(({ ctx, input }) => wf.recordCase(ctx.db, ctx.sc, input)),
  review: caseProcedure([R.TIM_TELAAH]).input(wf.reviewInput).mutation(({ ctx, input }) => wf.reviewCase(ctx.db, ctx.sc, input)),
  resume: caseProcedure([R.TIM_TELAAH]).input(wf.resumeInput).mutation(({ ctx, input }) => wf.resumeCase(ctx.db, ctx.sc, input)),
  convene: caseProcedure([R.KEPALA_DINAS]).input(wf.conveneInput).mutation(({ ctx, input }) => wf.conveneMeeting(ctx.db, ctx.sc, input)),
  meetingOutcome: caseProcedure([R.KEPALA_DINAS, R.TIM_AUDIT]).input(wf.meetingOutcomeInput).mutation(({ ctx, input }) => wf.recordMeetingOutcome(ctx.db, ctx.sc, input)),
  saveDraft: caseProcedure([...new Set([...wf.DRAFTERS.BERITA_ACARA, ...wf.DRAFTERS.TANGGAPAN])]).input(wf.draftInput).mutation(({ ctx, input }) => wf.saveDraft(ctx.db, ctx.sc, input)),
  decideDraft: caseProcedure([R.KEPALA_DINAS]).input(wf.approvalInput).mutation(({ ctx, input }) => wf.decideDraft(ctx.db, ctx.sc, input)),
  sendResponse: caseProcedure([R.SEKRETARIAT]).input(wf.sendInput).mutation(({ ctx, input }) => wf.sendResponse(ctx.db, ctx.sc, input)),
  recordDelivery: caseProcedure([R.SEKRETARIAT]).input(wf.deliveryInput).mutation(({ ctx, input }) => wf.recordDelivery(ctx.db, ctx.sc, input)),
  /** A new letter replacing an issued one (the domain checks the role for the letter's type). */
  correctLetter: caseProcedure([...new Set(Object.values(CORRECTORS).flat())]).input(correctionInput).mutation(({ ctx, input }) => correctLetter(ctx.db, ctx.sc, input)),
  archive: caseProcedure([R.SEKRETARIAT]).input(wf.archiveInput).mutation(({ ctx, input }) => wf.archiveCase(ctx.db, ctx.sc, input)),
  message: caseProcedure(MESSAGE_WRITERS).input(staffMessageInput).mutation(({ ctx, input }) => sendStaffMessage(ctx.db, ctx.sc, input)),
  exclude: caseProcedure(EXCLUDERS).input(excludeInput).mutation(({ ctx, input }) => excludeStaff(ctx.db, ctx.sc, input)),
  agenda: caseProcedure([R.SEKRETARIAT, R.TIM_TELAAH, R.KEPALA_DINAS, R.PENGAWAS]).input(agendaInput).query(({ ctx, input }) => agendaEntries(ctx.db, ctx.sc.staff, input)),
});
