/**
 * The SOP workflow over tRPC: every procedure names its permission of the access policy;
 * the domain checks case visibility and the transition table again on the server.
 */
import { z } from "zod";
import { staffContextOf } from "../http/staff/staff-context.ts";
import { agendaEntries, agendaInput } from "../domain/cases/agenda.ts";
import { staffCaseView } from "../domain/cases/detail.ts";
import { excludeInput, excludeStaff } from "../domain/cases/exclusions.ts";
import { listCases, listInput } from "../domain/cases/queue.ts";
import { caseRevision } from "../domain/cases/revision.ts";
import { sendStaffMessage, staffMessageInput } from "../domain/cases/staff-messages.ts";
import * as wf from "../domain/cases/workflow.ts";
import { correctionInput, correctLetter } from "../domain/letters/correction.ts";
import { CORRECT_PERMISSION, DRAFT_PERMISSION, type Permission } from "../domain/policy/policy.ts";
import { router, staffProcedure } from "../trpc/init.ts";
import "../pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

/** A procedure for the holders of `permission` whose handler gets the acting staff context (refusals are mapped in server/trpc/init.ts). */
function caseProcedure(permission: Permission | readonly Permission[]) {
  return staffProcedure(permission).use(({ ctx, next }) => next({ ctx: { ...ctx, sc: staffContextOf(ctx.staff) } }));
}

export const casesRouter = router({
  list: caseProcedure("readCases")
    .input(listInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.sc.staff, input, ctx.sc.now)),
  get: caseProcedure("readCases")
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => staffCaseView(ctx.db, ctx.sc, input.caseId)),
  /** How far the case has moved, without its content (not audited): a case page polls it to stay current. */
  revision: caseProcedure("readCases")
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => caseRevision(ctx.db, ctx.sc.staff, input.caseId)),
  /** Active staff to choose meeting attendees or exclusions from (names and positions only). */
  staffDirectory: caseProcedure("readCases").query(({ ctx }) =>
    ctx.db.staffUser.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, position: true, roles: true } }),
  ),
  record: caseProcedure("recordCase").input(wf.recordInput).mutation(({ ctx, input }) => wf.recordCase(ctx.db, ctx.sc, input)),
  review: caseProcedure("reviewCase").input(wf.reviewInput).mutation(({ ctx, input }) => wf.reviewCase(ctx.db, ctx.sc, input)),
  resume: caseProcedure("resumeCase").input(wf.resumeInput).mutation(({ ctx, input }) => wf.resumeCase(ctx.db, ctx.sc, input)),
  convene: caseProcedure("conveneMeeting").input(wf.conveneInput).mutation(({ ctx, input }) => wf.conveneMeeting(ctx.db, ctx.sc, input)),
  meetingOutcome: caseProcedure("recordMeetingOutcome").input(wf.meetingOutcomeInput).mutation(({ ctx, input }) => wf.recordMeetingOutcome(ctx.db, ctx.sc, input)),
  saveDraft: caseProcedure(Object.values(DRAFT_PERMISSION)).input(wf.draftInput).mutation(({ ctx, input }) => wf.saveDraft(ctx.db, ctx.sc, input)),
  decideDraft: caseProcedure("decideDraft").input(wf.approvalInput).mutation(({ ctx, input }) => wf.decideDraft(ctx.db, ctx.sc, input)),
  sendResponse: caseProcedure("sendResponse").input(wf.sendInput).mutation(({ ctx, input }) => wf.sendResponse(ctx.db, ctx.sc, input)),
  recordDelivery: caseProcedure("recordDelivery").input(wf.deliveryInput).mutation(({ ctx, input }) => wf.recordDelivery(ctx.db, ctx.sc, input)),
  /** A new letter replacing an issued one (the domain checks the role for the letter's type). */
  correctLetter: caseProcedure(Object.values(CORRECT_PERMISSION)).input(correctionInput).mutation(({ ctx, input }) => correctLetter(ctx.db, ctx.sc, input)),
  archive: caseProcedure("archiveCase").input(wf.archiveInput).mutation(({ ctx, input }) => wf.archiveCase(ctx.db, ctx.sc, input)),
  message: caseProcedure("writeToReporter").input(staffMessageInput).mutation(({ ctx, input }) => sendStaffMessage(ctx.db, ctx.sc, input)),
  exclude: caseProcedure("excludeStaff").input(excludeInput).mutation(({ ctx, input }) => excludeStaff(ctx.db, ctx.sc, input)),
  agenda: caseProcedure("readAgenda").input(agendaInput).query(({ ctx, input }) => agendaEntries(ctx.db, ctx.sc.staff, input)),
});
