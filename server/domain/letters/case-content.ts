/**
 * What each SOP letter says, gathered from the case inside the issuing transaction and
 * decrypted with the case key. Labels are the Indonesian ones of the UI (letters are
 * official Indonesian documents whatever the reader's locale).
 */
import type { Category, Channel } from "../../generated/prisma/enums.ts";
import { DeliveryMethod, IdentityMode, MeetingRole } from "../../generated/prisma/enums.ts";
import type {
  BeritaAcaraContent,
  CatatanPengaduanContent,
  Signer,
  SuratPengaduanContent,
  TanggapanContent,
} from "./types.ts";
import { messagesFor } from "../../../i18n/messages.ts";
import { openJson, openText } from "../crypto.ts";
import type { ReportContent, ReporterIdentity } from "../cases/report-content.ts";
import { getSetting } from "../settings.ts";
import type { Tx } from "../tx.ts";
import { LetterError } from "./issue.ts";

export const categoryLabel = (c: Category) => messagesFor("id").home.categories[c];
export const channelLabel = (c: Channel) => messagesFor("id").workspace.channel[c];

/** A staff member's signature block as printed today (the Letter row snapshots it). */
export async function signerOf(tx: Tx, staffId: string): Promise<Signer> {
  const u = await tx.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { name: true, position: true, rankGrade: true, nip: true },
  });
  return { name: u.name, position: u.position, rankGrade: u.rankGrade, nip: u.nip };
}

async function caseBasics(tx: Tx, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { reference: true, category: true, channel: true, receivedAt: true, payload: true },
  });
}

/** Step 2: the report as recorded, with its agenda entry. */
export async function catatanLetter(
  tx: Tx,
  key: Buffer,
  caseId: string,
  signer: Signer,
  agenda: { number: number | null; subject: string | null },
): Promise<CatatanPengaduanContent> {
  const c = await caseBasics(tx, caseId);
  return {
    type: "CATATAN_PENGADUAN",
    reference: c.reference,
    agendaNumber: agenda.number,
    receivedAt: c.receivedAt,
    channel: channelLabel(c.channel),
    category: categoryLabel(c.category),
    subject: agenda.subject,
    report: openJson<ReportContent>(key, c.payload),
    signer,
  };
}

const RECOMMENDATION = {
  FORWARD:
    "Pengaduan lengkap dan termasuk ruang lingkup WBS; diteruskan kepada Kepala Dinas untuk dibahas dalam rapat penyelesaian bersama Tim Telaah dan Tim Audit.",
  REQUEST_INFO: "Meminta keterangan tambahan kepada pelapor.",
  ESCALATE: "Diteruskan kepada Pengawas (Inspektorat).",
} as const;

/** Step 3: the review as a nota dinas to the Kepala Dinas. */
export async function suratPengaduanLetter(
  tx: Tx,
  key: Buffer,
  caseId: string,
  signer: Signer,
): Promise<SuratPengaduanContent> {
  const c = await caseBasics(tx, caseId);
  const review = await tx.review.findUnique({ where: { caseId } });
  if (!review) throw new LetterError("the case has no review");
  const r = openJson<{ elements: SuratPengaduanContent["elements"]; summary: string; notes: string }>(
    key,
    review.content,
  );
  const signers = await getSetting(tx, "letters.signers");
  const head = signers.BERITA_ACARA
    ? await tx.staffUser.findUnique({ where: { id: signers.BERITA_ACARA }, select: { position: true } })
    : null;
  return {
    type: "SURAT_PENGADUAN",
    reference: c.reference,
    category: categoryLabel(c.category),
    receivedAt: c.receivedAt,
    to: head?.position ?? "Kepala Dinas",
    isComplete: review.isComplete,
    inScope: review.inScope,
    elements: r.elements,
    summary: r.summary,
    notes: r.notes,
    recommendation: RECOMMENDATION[review.recommendation ?? "FORWARD"],
    signer,
  };
}

/** Step 5: the meeting and the approved draft's considerations and decisions. */
export async function beritaAcaraLetter(
  tx: Tx,
  key: Buffer,
  caseId: string,
  signer: Signer,
): Promise<BeritaAcaraContent> {
  const c = await caseBasics(tx, caseId);
  const draft = await tx.documentDraft.findUniqueOrThrow({
    where: { caseId_type: { caseId, type: "BERITA_ACARA" } },
    select: { content: true, meetingId: true },
  });
  const meeting = await tx.meeting.findFirst({
    where: draft.meetingId ? { id: draft.meetingId } : { caseId },
    orderBy: { startsAt: "desc" },
    include: { attendees: { orderBy: { role: "asc" } } },
  });
  if (!meeting) throw new LetterError("the case has no meeting");
  // The minutes state what happened: they cannot be issued for a meeting that was only scheduled.
  if (!meeting.endsAt) throw new LetterError("the meeting has not been held yet");
  const d = openJson<{ considerations: string; decisions: string }>(key, draft.content);
  const text = (box: Uint8Array | null) => (box ? openText(key, box) : "-");
  // The chair first, then members and the secretary, in the order they were listed.
  const rank = { CHAIR: 0, MEMBER: 1, SECRETARY: 2 } as const;
  const attendees = meeting.attendees
    .filter((a) => a.present)
    .sort((a, b) => rank[a.role] - rank[b.role])
    .map((a) => ({
      name: a.name,
      position: a.position,
      organization: a.organization,
      role: a.role,
      nip: a.nip,
      rankGrade: a.rankGrade,
    }));
  if (!attendees.some((a) => a.role === MeetingRole.CHAIR))
    attendees.unshift({
      name: signer.name,
      position: signer.position,
      organization: null,
      role: MeetingRole.CHAIR,
      nip: signer.nip,
      rankGrade: signer.rankGrade,
    });
  return {
    type: "BERITA_ACARA",
    reference: c.reference,
    category: categoryLabel(c.category),
    meeting: {
      startsAt: meeting.startsAt,
      heldFrom: meeting.heldFrom ?? meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      agenda: text(meeting.agenda),
      discussion: text(meeting.discussion),
      resolution: text(meeting.resolution),
      attendees,
    },
    considerations: d.considerations,
    decisions: d.decisions,
    signer,
  };
}

/**
 * Step 6: the response, issued when it is sent. It is addressed to the reporter by the case
 * reference; only a letter going by post to a reporter who gave a confidential identity
 * carries their name (the envelope needs one; every other way reaches them without it).
 */
export async function tanggapanLetter(
  tx: Tx,
  key: Buffer,
  caseId: string,
  signer: Signer,
  method: DeliveryMethod,
): Promise<TanggapanContent> {
  const c = await caseBasics(tx, caseId);
  const draft = await tx.documentDraft.findUniqueOrThrow({
    where: { caseId_type: { caseId, type: "TANGGAPAN" } },
    select: { content: true },
  });
  const identity = method === DeliveryMethod.POST ? await confidentialIdentity(tx, key, caseId) : null;
  const { trackingHash } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { trackingHash: true } });
  return {
    type: "TANGGAPAN",
    reference: c.reference,
    receivedAt: c.receivedAt,
    category: categoryLabel(c.category),
    addressee: identity
      ? [`Sdr. ${identity.name}`]
      : ["Pelapor pengaduan WBS", `dengan nomor referensi ${c.reference}`],
    body: openJson<{ body: string }>(key, draft.content).body,
    onPortal: trackingHash !== null,
    signer,
  };
}

async function confidentialIdentity(tx: Tx, key: Buffer, caseId: string): Promise<ReporterIdentity | null> {
  const row = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { identityMode: true, reporterIdentity: true },
  });
  return row.identityMode === IdentityMode.CONFIDENTIAL && row.reporterIdentity
    ? openJson<ReporterIdentity>(key, row.reporterIdentity)
    : null;
}
