import type { StaffPrincipal } from "../auth/staff-session.ts";
import type { AppRouter } from "../routers/_app.ts";

type Caller = ReturnType<AppRouter["createCaller"]>;

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
  await as("audit").cases.saveDraft({
    caseId,
    type: "BERITA_ACARA",
    content: { considerations: t.considerations, decisions: t.decisions },
    submit: true,
  });
  await as("kadis").cases.decideDraft({ caseId, type: "BERITA_ACARA", approve: true });
}
