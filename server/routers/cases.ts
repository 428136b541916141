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
import * as workflow from "../domain/cases/workflow.ts";
import { correctionInput, correctLetter } from "../domain/letters/correction.ts";
import { CORRECT_PERMISSION, DRAFT_PERMISSION, type Permission } from "../domain/policy/policy.ts";
import { router, staffProcedure } from "../trpc/init.ts";
import "../pdf/install.ts"; // gives the domain its PDF renderer (letters rendered on this path)

/** A procedure for the holders of `permission` whose handler gets the acting staff context (refusals are mapped in server/trpc/init.ts). */
function caseProcedure(permission: Permission | readonly Permission[]) {
  return staffProcedure(permission).use(({ ctx, next }) =>
    next({ ctx: { ...ctx, acting: staffContextOf(ctx.staff) } }),
  );
}

export const casesRouter = router({
  list: caseProcedure("readCases")
    .input(listInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.acting.staff, input, ctx.acting.now)),
  get: caseProcedure("readCases")
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => staffCaseView(ctx.db, ctx.acting, input.caseId)),
  /** How far the case has moved, without its content (not audited): a case page polls it to stay current. */
  revision: caseProcedure("readCases")
    .input(z.object({ caseId: z.uuid() }))
    .query(({ ctx, input }) => caseRevision(ctx.db, ctx.acting.staff, input.caseId)),
  /** Active staff to choose meeting attendees or exclusions from (names and positions only). */
  staffDirectory: caseProcedure("readCases").query(({ ctx }) =>
    ctx.db.staffUser.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, position: true, roles: true },
    }),
  ),
  record: caseProcedure("recordCase")
    .input(workflow.recordInput)
    .mutation(({ ctx, input }) => workflow.recordCase(ctx.db, ctx.acting, input)),
  review: caseProcedure("reviewCase")
    .input(workflow.reviewInput)
    .mutation(({ ctx, input }) => workflow.reviewCase(ctx.db, ctx.acting, input)),
  resume: caseProcedure("resumeCase")
    .input(workflow.resumeInput)
    .mutation(({ ctx, input }) => workflow.resumeCase(ctx.db, ctx.acting, input)),
  convene: caseProcedure("conveneMeeting")
    .input(workflow.conveneInput)
    .mutation(({ ctx, input }) => workflow.conveneMeeting(ctx.db, ctx.acting, input)),
  meetingOutcome: caseProcedure("recordMeetingOutcome")
    .input(workflow.meetingOutcomeInput)
    .mutation(({ ctx, input }) => workflow.recordMeetingOutcome(ctx.db, ctx.acting, input)),
  saveDraft: caseProcedure(Object.values(DRAFT_PERMISSION))
    .input(workflow.draftInput)
    .mutation(({ ctx, input }) => workflow.saveDraft(ctx.db, ctx.acting, input)),
  decideDraft: caseProcedure("decideDraft")
    .input(workflow.approvalInput)
    .mutation(({ ctx, input }) => workflow.decideDraft(ctx.db, ctx.acting, input)),
  sendResponse: caseProcedure("sendResponse")
    .input(workflow.sendInput)
    .mutation(({ ctx, input }) => workflow.sendResponse(ctx.db, ctx.acting, input)),
  recordDelivery: caseProcedure("recordDelivery")
    .input(workflow.deliveryInput)
    .mutation(({ ctx, input }) => workflow.recordDelivery(ctx.db, ctx.acting, input)),
  /** A new letter replacing an issued one (the domain checks the role for the letter's type). */
  correctLetter: caseProcedure(Object.values(CORRECT_PERMISSION))
    .input(correctionInput)
    .mutation(({ ctx, input }) => correctLetter(ctx.db, ctx.acting, input)),
  archive: caseProcedure("archiveCase")
    .input(workflow.archiveInput)
    .mutation(({ ctx, input }) => workflow.archiveCase(ctx.db, ctx.acting, input)),
  message: caseProcedure("writeToReporter")
    .input(staffMessageInput)
    .mutation(({ ctx, input }) => sendStaffMessage(ctx.db, ctx.acting, input)),
  exclude: caseProcedure("excludeStaff")
    .input(excludeInput)
    .mutation(({ ctx, input }) => excludeStaff(ctx.db, ctx.acting, input)),
  agenda: caseProcedure("readAgenda")
    .input(agendaInput)
    .query(({ ctx, input }) => agendaEntries(ctx.db, ctx.acting.staff, input)),
});
