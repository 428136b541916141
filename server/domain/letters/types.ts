/**
 * What a template prints: plain data, decrypted and looked up by server/domain/letters
 * beforehand, so the templates are pure functions of their input (and testable alone).
 */
import type { ReportContent } from "../cases/report-content.ts";

/** The letterhead (Setting `office.identity`) and the emblem (OfficeAsset `emblem`). */
export interface Office {
  regency: string;
  officeName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  city: string;
  emblem?: { data: Buffer; format: "png" | "jpg" } | null;
}

/** A signature block as printed. */
export interface Signer {
  position: string;
  name: string;
  rankGrade: string | null;
  nip: string | null;
}

/** Issue data every letter carries (number, date, verification). */
export interface LetterMeta {
  number: string;
  issuedAt: Date;
  timeZone: string;
  verificationCode: string;
  verificationUrl: string;
  /** A correction names the letter it replaces. */
  replaces?: { number: string; issuedAt: Date } | null;
}

export interface CatatanPengaduanContent {
  type: "CATATAN_PENGADUAN";
  reference: string;
  agendaNumber: number | null;
  receivedAt: Date;
  channel: string;
  category: string;
  subject: string | null;
  report: ReportContent;
  signer: Signer;
}

export interface SuratPengaduanContent {
  type: "SURAT_PENGADUAN";
  reference: string;
  category: string;
  receivedAt: Date;
  /** Position of the Kepala Dinas the nota dinas goes to. */
  to: string;
  isComplete: boolean | null;
  inScope: boolean | null;
  elements: Record<"what" | "who" | "where" | "when" | "how", boolean>;
  summary: string;
  notes: string;
  recommendation: string;
  signer: Signer;
}

export interface MeetingAttendeeLine {
  name: string;
  position: string | null;
  organization: string | null;
  role: "CHAIR" | "MEMBER" | "SECRETARY";
  nip: string | null;
  rankGrade: string | null;
}

export interface BeritaAcaraContent {
  type: "BERITA_ACARA";
  reference: string;
  category: string;
  /**
   * `startsAt` is when it was scheduled; `heldFrom`/`endsAt` when it really took place (absent
   * in letters issued before the office recorded them).
   */
  meeting: {
    startsAt: Date;
    heldFrom?: Date;
    endsAt?: Date;
    place: string;
    agenda: string;
    discussion: string;
    resolution: string;
    attendees: MeetingAttendeeLine[];
  };
  considerations: string;
  decisions: string;
  /** The Kepala Dinas who approved it (chairs the meeting). */
  signer: Signer;
}

export interface TanggapanContent {
  type: "TANGGAPAN";
  reference: string;
  receivedAt: Date;
  category: string;
  /** "Pelapor pengaduan WBS / dengan nomor referensi WBS-2026-0001", or "Sdr. <name>" for a confidential reporter served by post. */
  addressee: string[];
  body: string;
  /** Whether the reporter follows the case on the portal (has a tracking code); else they ask at the office. */
  onPortal: boolean;
  signer: Signer;
}

export type LetterContent = CatatanPengaduanContent | SuratPengaduanContent | BeritaAcaraContent | TanggapanContent;
export type TemplateType = LetterContent["type"];

export interface LetterInput {
  office: Office;
  meta: LetterMeta;
  content: LetterContent;
}

/** The case dossier as it is printed (server/pdf/dossier.tsx). */
export interface DossierInput {
  office: Office;
  meta: { issuedAt: Date; timeZone: string; verification: { code: string; url: string } | null };
  reference: string;
  category: string;
  channel: string;
  status: string;
  receivedAt: Date;
  archivedAt: Date | null;
  steps: {
    step: number;
    name: string;
    startedAt: Date;
    completedAt: Date | null;
    officeMinutes: number | null;
    standardMinutes: number;
    withinStandard: boolean | null;
  }[];
  timeline: { at: Date; what: string; who: string }[];
  letters: {
    title: string;
    number: string | null;
    issuedAt: Date;
    signer: string | null;
    sha256: string;
    pdf: Buffer;
  }[];
  attachments: { name: string; mimeType: string; size: number; sha256: string; from: string; at: Date }[];
}

/** The dossier's render input: everything but the letters, which are named by id (their stored bytes never change). */
export type DossierSource = Omit<DossierInput, "letters"> & { letterIds: string[] };

/** One letter as the dossier prints it and appends it. */
export type DossierLetter = DossierInput["letters"][number];
