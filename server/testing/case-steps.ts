import type { StaffPrincipal } from "../auth/staff-session.ts";
import type { AppRouter } from "../routers/_app.ts";

type Caller = ReturnType<AppRouter["createCaller"]>;

const ALL_ELEMENTS = { what: true, who: true, where: true, when: true, how: true };

/** Step 3's input when Tim Telaah finds the report complete, in scope, and forwards it. */
export function forwardReview(caseId: string, summary = "Lengkap") {
  return {
    caseId,
    isComplete: true,
    inScope: true,
    elements: ALL_ELEMENTS,
    summary,
    decision: { recommendation: "FORWARD" as const },
  };
}

/** Step 3's input when the report does not say when it happened: Tim Telaah asks the reporter. */
export function askWhenReview(caseId: string, summary: string, question: string) {
  return {
    caseId,
    isComplete: false,
    inScope: true,
    elements: { ...ALL_ELEMENTS, when: false },
    summary,
    decision: { recommendation: "REQUEST_INFO" as const, question },
  };
}

export interface MeetingTexts {
  place?: string;
  agenda?: string;
  discussion?: string;
  resolution?: string;
  considerations?: string;
  decisions?: string;
  /** Staff ids attending besides the Kepala Dinas (chair) and Tim Audit. */
  alsoAttending?: string[];
}

/**
 * Steps 4 and 5 of a reviewed case through the router, each by its role: the Kepala Dinas
 * convenes (chair) with Tim Audit, Tim Audit records the outcome and submits the Berita Acara,
 * and the Kepala Dinas approves it. The case is then MINUTED.
 */
export async function meetAndMinute(
  as: (username: "kadis" | "audit") => Caller,
  users: Record<string, StaffPrincipal>,
  caseId: string,
  texts: MeetingTexts = {},
) {
  const t = {
    place: "Ruang rapat",
    agenda: "Pembahasan",
    discussion: "Bukti cukup",
    resolution: "Teguran tertulis",
    considerations: "Bukti",
    decisions: "Teguran tertulis",
    ...texts,
  };
  await as("kadis").cases.convene({
    caseId,
    startsAt: new Date(),
    place: t.place,
    agenda: t.agenda,
    attendees: [
      { staffUserId: users.kadis!.id, role: "CHAIR" },
      ...(t.alsoAttending ?? []).map((staffUserId) => ({ staffUserId })),
      { staffUserId: users.audit!.id },
    ],
  });
  const view = await as("audit").cases.get({ caseId });
  await as("audit").cases.meetingOutcome({
    caseId,
    meetingId: view.meetings[0]!.id,
    discussion: t.discussion,
    resolution: t.resolution,
  });
  await approveBeritaAcara(as, caseId, { considerations: t.considerations, decisions: t.decisions });
}

/** Step 5 after the meeting is held: Tim Audit submits the Berita Acara and the Kepala Dinas approves it. */
export async function approveBeritaAcara(
  as: (username: "kadis" | "audit") => Caller,
  caseId: string,
  content: { considerations: string; decisions: string },
) {
  await as("audit").cases.saveDraft({ caseId, type: "BERITA_ACARA", content, submit: true });
  await as("kadis").cases.decideDraft({ caseId, type: "BERITA_ACARA", approve: true });
}

/** Step 6 up to sending: the Sekretariat submits the Tanggapan and the Kepala Dinas approves it. */
export async function approveTanggapan(
  as: (username: "kadis" | "sekretariat") => Caller,
  caseId: string,
  body: string,
) {
  await as("sekretariat").cases.saveDraft({ caseId, type: "TANGGAPAN", content: { body }, submit: true });
  await as("kadis").cases.decideDraft({ caseId, type: "TANGGAPAN", approve: true });
}
