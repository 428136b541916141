/**
 * Which forms the action panel offers: the SOP move of the current status for the roles
 * the user holds. Only a convenience: every procedure checks role, case
 * access and status again on the server.
 */
import { hasAnyRole } from "../vocabulary.ts";

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
  status: string;
  hasTrackingCode: boolean;
  autoArchiveAt: Date | null;
  meetings: readonly { endsAt: Date | null }[];
  drafts: readonly { type: string; status: string; sentAt: Date | null; deliveryMethod: string | null }[];
}

/** A draft the drafter may (still) edit: none yet, being written, or returned. */
const editable = (d: { status: string } | undefined) => !d || d.status === "DRAFT" || d.status === "RETURNED";

export function availableActions(c: CaseForActions, roles: readonly string[], now: Date): CaseAction[] {
  const is = (...wanted: string[]) => hasAnyRole(roles, wanted);
  const ba = c.drafts.find((d) => d.type === "BERITA_ACARA");
  const tg = c.drafts.find((d) => d.type === "TANGGAPAN");
  const actions: CaseAction[] = [];
  const add = (when: boolean, action: CaseAction) => when && actions.push(action);

  switch (c.status) {
    case "SUBMITTED":
      add(is("SEKRETARIAT"), "record");
      break;
    case "RECORDED":
      add(is("TIM_TELAAH"), "review");
      break;
    case "AWAITING_INFO":
      add(is("TIM_TELAAH"), "resume");
      break;
    case "REVIEWED":
      add(is("KEPALA_DINAS"), "convene");
      break;
    case "IN_MEETING":
      add(is("KEPALA_DINAS", "TIM_AUDIT") && c.meetings.length > 0, "meetingOutcome");
      // The Berita Acara records a meeting held: it is drafted once the outcome (with its times) is saved.
      add(is("TIM_AUDIT") && editable(ba) && c.meetings.at(-1)?.endsAt != null, "draftBeritaAcara");
      add(is("KEPALA_DINAS") && ba?.status === "SUBMITTED", "decideBeritaAcara");
      break;
    case "MINUTED":
      add(is("SEKRETARIAT", "TIM_TELAAH", "TIM_AUDIT") && editable(tg), "draftTanggapan");
      add(is("KEPALA_DINAS") && tg?.status === "SUBMITTED", "decideTanggapan");
      add(is("SEKRETARIAT") && tg?.status === "APPROVED" && !tg.sentAt, "send");
      break;
    case "RESPONDED":
      // A reporter on the portal acknowledges there; a response sent another way is confirmed by the Sekretariat.
      add(is("SEKRETARIAT") && tg?.deliveryMethod !== "PORTAL", "delivery");
      add(is("SEKRETARIAT") && c.autoArchiveAt !== null && c.autoArchiveAt <= now, "archive");
      break;
    case "RESPONSE_RECEIVED":
    case "ESCALATED":
      add(is("SEKRETARIAT"), "archive");
      break;
  }
  const open = c.status !== "ARCHIVED";
  add(open && c.hasTrackingCode && is("SEKRETARIAT", "TIM_TELAAH"), "message");
  add(open && is("TIM_TELAAH", "KEPALA_DINAS"), "exclude");
  return actions;
}
