/**
 * What a reader may do on a case now: the forms the case page offers. Computed on the server
 * with the case view, from the policy and the case's state; every procedure checks role, case
 * access and status again when the form is sent.
 */
import { CaseStatus } from "../../generated/prisma/enums.ts";
import { may, mayMove } from "./policy.ts";

const S = CaseStatus;

export type CaseAction =
  | "record"
  | "review"
  | "resume"
  | "convene"
  | "meetingOutcome"
  | "draftBeritaAcara"
  | "decideBeritaAcara"
  | "draftTanggapan"
  | "decideTanggapan"
  | "send"
  | "delivery"
  | "archive"
  | "message"
  | "exclude";

export interface CaseForActions {
  status: CaseStatus;
  hasTrackingCode: boolean;
  autoArchiveAt: Date | null;
  meetings: readonly { endsAt: Date | null }[];
  drafts: readonly { type: string; status: string; sentAt: Date | null; deliveryMethod: string | null }[];
}

/** A draft the drafter may (still) edit: none yet, being written, or returned. */
const editable = (d: { status: string } | undefined) => !d || d.status === "DRAFT" || d.status === "RETURNED";

/** Statuses whose only form is one move of the SOP table (the review form also asks or escalates, by the same role). */
const ONE_MOVE_FORMS: Partial<Record<CaseStatus, { form: CaseAction; to: CaseStatus }>> = {
  SUBMITTED: { form: "record", to: S.RECORDED },
  RECORDED: { form: "review", to: S.REVIEWED },
  AWAITING_INFO: { form: "resume", to: S.RECORDED },
  REVIEWED: { form: "convene", to: S.IN_MEETING },
};

export function actionsFor(reader: { roles: readonly string[] }, c: CaseForActions, now: Date): CaseAction[] {
  const { roles } = reader;
  const moves = (to: CaseStatus) => mayMove(roles, c.status, to);
  const ba = c.drafts.find((d) => d.type === "BERITA_ACARA");
  const tg = c.drafts.find((d) => d.type === "TANGGAPAN");
  const actions: CaseAction[] = [];
  const add = (when: boolean, action: CaseAction) => when && actions.push(action);

  const single = ONE_MOVE_FORMS[c.status];
  if (single) add(moves(single.to), single.form);
  switch (c.status) {
    case S.IN_MEETING:
      add(may(roles, "recordMeetingOutcome") && c.meetings.length > 0, "meetingOutcome");
      // The Berita Acara records a meeting held: it is drafted once the outcome (with its times) is saved.
      add(may(roles, "draftBeritaAcara") && editable(ba) && c.meetings.at(-1)?.endsAt != null, "draftBeritaAcara");
      add(may(roles, "decideDraft") && ba?.status === "SUBMITTED", "decideBeritaAcara");
      break;
    case S.MINUTED:
      add(may(roles, "draftTanggapan") && editable(tg), "draftTanggapan");
      add(may(roles, "decideDraft") && tg?.status === "SUBMITTED", "decideTanggapan");
      add(moves(S.RESPONDED) && tg?.status === "APPROVED" && !tg.sentAt, "send");
      break;
    case S.RESPONDED:
      // A reporter on the portal acknowledges there; a response sent another way is confirmed by the Sekretariat.
      add(moves(S.RESPONSE_RECEIVED) && tg?.deliveryMethod !== "PORTAL", "delivery");
      add(moves(S.ARCHIVED) && c.autoArchiveAt !== null && c.autoArchiveAt <= now, "archive");
      break;
    case S.RESPONSE_RECEIVED:
    case S.ESCALATED:
      add(moves(S.ARCHIVED), "archive");
      break;
  }
  // The server takes a message only while the case is open and the reporter has a code to read it with.
  add(c.status !== S.ARCHIVED && c.hasTrackingCode && may(roles, "writeToReporter"), "message");
  // An exclusion is taken at any status, archived included: an archived case still must not be read by a
  // conflicted member.
  add(may(roles, "excludeStaff"), "exclude");
  return actions;
}
